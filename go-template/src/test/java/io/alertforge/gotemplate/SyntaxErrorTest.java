package io.alertforge.gotemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every class of syntax error, with Go's message and its 1-based line and column in the template
 * (the differential corpus checks the messages against Go itself; this test pins the positions).
 */
class SyntaxErrorTest {

  static TemplateSyntaxException syntaxError(String template) {
    TemplateSyntaxException e =
        catchThrowableOfType(() -> GoTemplate.parse(template), TemplateSyntaxException.class);
    assertThat(e).as("syntax error for %s", template).isNotNull();
    return e;
  }

  @ParameterizedTest(name = "{0} -> {1}:{2} {3}")
  @MethodSource
  void errors(String template, int line, int column, String detail) {
    TemplateSyntaxException e = syntaxError(template);
    assertThat(e.detail()).isEqualTo(detail);
    assertThat(e.getMessage()).isEqualTo(detail);
    assertThat(e.line()).as("line").isEqualTo(line);
    assertThat(e.column()).as("column").isEqualTo(column);
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        // delimiters, strings and comments
        arguments("cpu > {{ .threshold", 1, 7, "unclosed action"),
        arguments("{{ .a }", 1, 7, "unexpected \"}\" in operand"),
        arguments("{{ \"abc }}", 1, 4, "unterminated quoted string"),
        arguments("{{ \"abc\n\" }}", 1, 4, "unterminated quoted string"),
        arguments("{{ `abc }}", 1, 4, "unterminated raw quoted string"),
        arguments("a {{/* note", 1, 3, "unclosed comment"),
        arguments("{{/* note */ .env }}", 1, 13, "comment ends before closing delimiter"),
        arguments("{{ /* note */ }}", 1, 4, "unexpected \"/\" in command"),
        arguments("{{ (len .env }}", 1, 4, "unclosed left paren"),
        arguments("{{ len .env) }}", 1, 12, "unexpected \")\" in command"),
        arguments("{{ \"\\q\" }}", 1, 5, "invalid syntax"),
        arguments("{{ \"\\xff\" }}", 1, 4, "quoted string escapes do not form valid UTF-8"),
        // empty actions and pipelines
        arguments("a {{ }} b", 1, 3, "missing value for command"),
        arguments("{{-  -}}", 1, 1, "missing value for command"),
        arguments("{{ () }}", 1, 4, "missing value for parenthesized pipeline"),
        arguments("{{ | .env }}", 1, 4, "unexpected \"|\" in command"),
        arguments("{{ .env || len }}", 1, 10, "unexpected \"|\" in command"),
        arguments("{{ .env | \"x\" }}", 1, 11, "non executable command in pipeline stage 2"),
        arguments("{{ print \"a\"\"b\" }}", 1, 13, "unexpected \"\\\"b\\\"\" in operand"),
        arguments("{{ \"x\".y }}", 1, 7, "unexpected . after term \"\\\"x\\\"\""),
        // blocks
        arguments("{{ if }}x{{ end }}", 1, 4, "missing value for if"),
        arguments("{{ with }}x{{ end }}", 1, 4, "missing value for with"),
        arguments("a{{ end }}", 1, 2, "unexpected {{end}}"),
        arguments("{{ else }}", 1, 1, "unexpected {{else}}"),
        arguments(
            "{{ if .a }}{{ else }}{{ else }}{{ end }}", 1, 22, "expected end; found {{else}}"),
        arguments("{{ if .a }}x", 1, 1, "unexpected EOF"),
        arguments("{{ with .a }}{{ if .b }}{{ end }}", 1, 1, "unexpected EOF"),
        arguments("{{ if .a }}{{ else if .b }}x{{ else }}y", 1, 1, "unexpected EOF"),
        arguments("{{ with .a }}{{ else if .b }}{{ end }}", 1, 22, "unexpected <if> in input"),
        arguments("{{ if .a }}{{ else with .b }}{{ end }}", 1, 20, "unexpected <with> in input"),
        arguments("{{ if .a }}{{ end x }}", 1, 19, "unexpected \"x\" in end"),
        arguments("{{ if .a }}{{ else x }}{{ end }}", 1, 20, "unexpected \"x\" in else"),
        // constructs outside the subset
        arguments("{{ break }}", 1, 4, "{{break}} outside {{range}}"),
        arguments("{{ continue }}", 1, 4, "{{continue}} outside {{range}}"),
        arguments("{{ $x, $y := .env }}", 1, 4, "too many declarations in command"),
        arguments("{{ $x : 1 }}", 1, 4, "undefined variable \"$x\""),
        arguments("{{ $x := 1 }}{{ $x : 1 }}", 1, 20, "expected :="),
        arguments("{{ $env }}", 1, 4, "undefined variable \"$env\""),
        arguments("{{ .env | upper }}", 1, 11, "function \"upper\" not defined"),
        arguments("{{ default \"x\" .env }}", 1, 4, "function \"default\" not defined"),
        arguments("{{ 1+2i }}", 1, 4, "complex numbers are not supported: 1+2i"),
        arguments("{{ 2i }}", 1, 4, "complex numbers are not supported: 2i"),
        // lexical details, as in Go
        arguments("{{-}}", 1, 3, "illegal number syntax: \"-\""),
        arguments("{{- -}}", 1, 5, "illegal number syntax: \"-\""),
        arguments("{{ 1a }}", 1, 4, "bad number syntax: \"1a\""),
        arguments("{{ 1__0 }}", 1, 4, "illegal number syntax: \"1__0\""),
        arguments("{{ 0x }}", 1, 4, "illegal number syntax: \"0x\""),
        arguments("{{ 99999999999999999999 }}", 1, 4, "integer overflow: \"99999999999999999999\""),
        arguments("{{ 089 }}", 1, 4, "integer overflow: \"089\""),
        arguments("{{ .env-1 }}", 1, 8, "bad character U+002D '-'"),
        arguments("{{ ..env }}", 1, 5, "unexpected . after term \".\""),
        arguments("{{ \u20ac }}", 1, 4, "unrecognized character in action: U+20AC '\u20ac'"),
        arguments("{{ \u0007 }}", 1, 4, "unrecognized character in action: U+0007"),
        arguments("{{ # }}", 1, 4, "unexpected \"#\" in command"));
  }

  @Test
  void positionsAreWithinTheTemplateAcrossLines() {
    String template =
        "alert: {{ .cluster }}\n"
            + "condition: ts(cpu) > {{ .threshold }}\n"
            + "tags: {{ if .env }}{{ .env }}{{ else }}{{ .env | upper }}{{ end }}\n";
    TemplateSyntaxException e = syntaxError(template);
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(50);
    assertThat(e.offset()).isEqualTo(template.indexOf("upper"));
  }

  @Test
  void windowsLineEndsCountAsOneLineBreak() {
    TemplateSyntaxException e = syntaxError("a: x\r\nb: {{ .a }}\r\nc: {{ if }}");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(7);
    assertThat(e.detail()).isEqualTo("missing value for if");
  }

  @Test
  void aLexicalErrorOnALaterLineIsReportedThere() {
    TemplateSyntaxException e =
        syntaxError("{{ if .a }}\n  ok\n{{ else }}\n  {{ \"unterminated }}\n{{ end }}");
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.column()).isEqualTo(6);
    assertThat(e.detail()).isEqualTo("unterminated quoted string");
  }

  @Test
  void theFirstErrorInTheTextWins() {
    TemplateSyntaxException e = syntaxError("{{ end }} {{ \"unterminated }}");
    assertThat(e.detail()).startsWith("unexpected {{end}}");
    assertThat(e.column()).isEqualTo(1);
  }

  @Test
  void nestingOfBlocksIsLimited() throws TemplateException {
    int limit = GoTemplate.MAX_DEPTH;
    String ok = "{{ if .a }}".repeat(limit) + "x" + "{{ end }}".repeat(limit);
    assertThat(GoTemplate.parse(ok).execute(java.util.Map.of("a", "1"))).isEqualTo("x");

    String tooDeep = "{{ with .a }}".repeat(limit + 1) + "{{ end }}".repeat(limit + 1);
    TemplateSyntaxException e = syntaxError(tooDeep);
    assertThat(e.detail())
        .isEqualTo(
            "nesting too deep: more than 100 levels of blocks and parentheses one inside another");
    assertThat(e.offset()).isEqualTo(limit * "{{ with .a }}".length());
  }

  @Test
  void nestingOfParenthesesIsLimited() throws TemplateException {
    int limit = GoTemplate.MAX_DEPTH;
    assertThat(
            GoTemplate.parse("{{ " + "(".repeat(limit) + "1" + ")".repeat(limit) + " }}")
                .execute(null))
        .isEqualTo("1");
    TemplateSyntaxException e =
        syntaxError("{{ " + "(".repeat(100_000) + "1" + ")".repeat(100_000) + " }}");
    assertThat(e.detail()).startsWith("nesting too deep");
    assertThat(e.column()).isEqualTo(4 + limit);
  }
}
