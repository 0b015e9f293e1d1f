package io.alertforge.compiler.lint;

import java.util.regex.Pattern;

/**
 * A glob from {@code alertforge.yaml}. Path globs: {@code *} matches within one path segment,
 * {@code **} across segments ({@code a/**} matches everything under {@code a/}), {@code ?} one
 * character. Value globs (metric names, targets, tags): {@code *} matches any run of characters.
 */
public final class Glob {

  private final String text;
  private final Pattern pattern;

  /**
   * For a value glob whose only wildcard is {@code *}: the literal parts between the stars, matched
   * without a regex (a {@link java.util.regex.Matcher} per call was a tenth of the compiler's
   * allocation on a 10,000-alert repository); null otherwise.
   */
  private final String[] literals;

  private Glob(String text, Pattern pattern, String[] literals) {
    this.text = text;
    this.pattern = pattern;
    this.literals = literals;
  }

  public static Glob path(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        i++;
        if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
          i++;
          regex.append("(?:.*/)?");
        } else {
          regex.append(".*");
        }
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return new Glob(glob, Pattern.compile(regex.toString()), null);
  }

  public static Glob value(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    String[] literals = glob.indexOf('?') >= 0 ? null : glob.split("\\*", -1);
    return new Glob(glob, Pattern.compile(regex.toString(), Pattern.DOTALL), literals);
  }

  public boolean matches(String value) {
    return literals != null ? matchesLiterals(value) : pattern.matcher(value).matches();
  }

  /** {@code a*b*c}: starts with a, ends with c, and holds b between them. */
  private boolean matchesLiterals(String value) {
    if (literals.length == 1) {
      return value.equals(literals[0]);
    }
    String first = literals[0];
    String last = literals[literals.length - 1];
    if (value.length() < first.length() + last.length()
        || !value.startsWith(first)
        || !value.endsWith(last)) {
      return false;
    }
    int from = first.length();
    int end = value.length() - last.length();
    for (int i = 1; i < literals.length - 1; i++) {
      int at = value.indexOf(literals[i], from);
      if (at < 0 || at + literals[i].length() > end) {
        return false;
      }
      from = at + literals[i].length();
    }
    return true;
  }

  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }
}
