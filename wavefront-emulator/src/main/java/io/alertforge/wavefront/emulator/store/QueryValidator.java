package io.alertforge.wavefront.emulator.store;

import java.util.Optional;

/**
 * Checks one query of an alert (its {@code condition}, {@code displayExpression} or a value of
 * {@code conditions}) when the alert is saved, as the real service runs the query on save. A
 * non-empty result rejects the save with 400 and that message.
 */
@FunctionalInterface
public interface QueryValidator {
  /**
   * @param field the JSON field the query came from, e.g. {@code condition} or {@code
   *     conditions.warn}
   * @param query the query text, never null
   * @return an error message, or empty to accept
   */
  Optional<String> check(String field, String query);

  /**
   * A light syntax check: the query must not be blank, brackets must balance and quotes must close.
   * It is deliberately not a WQL parser.
   */
  static QueryValidator basicSyntax() {
    return (field, query) -> {
      if (query.isBlank()) {
        return Optional.of("Invalid query specified in " + field + ": query cannot be blank");
      }
      StringBuilder stack = new StringBuilder();
      char quote = 0;
      for (int i = 0; i < query.length(); i++) {
        char c = query.charAt(i);
        if (quote != 0) {
          if (c == '\\' && i + 1 < query.length()) {
            i++;
          } else if (c == quote) {
            quote = 0;
          }
          continue;
        }
        switch (c) {
          case '"', '\'' -> quote = c;
          case '(', '[', '{' -> stack.append(c);
          case ')', ']', '}' -> {
            char open = c == ')' ? '(' : c == ']' ? '[' : '{';
            if (stack.length() == 0 || stack.charAt(stack.length() - 1) != open) {
              return Optional.of(
                  "Syntax error in " + field + ": unexpected '" + c + "' at position " + i);
            }
            stack.setLength(stack.length() - 1);
          }
          default -> {}
        }
      }
      if (quote != 0) {
        return Optional.of("Syntax error in " + field + ": unterminated string literal");
      }
      if (stack.length() > 0) {
        return Optional.of(
            "Syntax error in " + field + ": unclosed '" + stack.charAt(stack.length() - 1) + "'");
      }
      return Optional.empty();
    };
  }
}
