package io.alertforge.gotemplate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated templates, from a fixed seed: parsing, analysing and executing them may fail
 * only with a {@link TemplateException} positioned inside the template.
 */
class FuzzTest {

  private static final long SEED = 20_260_101L;
  private static final int CASES = 20_000;

  private static final String[] FRAGMENTS = {
    "{{",
    "}}",
    "{{- ",
    " -}}",
    "{{/*",
    "*/}}",
    "/*",
    "*/",
    "(",
    ")",
    "|",
    ".",
    "$",
    "\"",
    "`",
    "'",
    "\\",
    " ",
    "\n",
    "\t",
    "\r",
    "-",
    "+",
    "0x",
    "1",
    "-3",
    "2.5e3",
    "1_0",
    "0b1",
    "_",
    ":=",
    "=",
    ",",
    ":",
    "if",
    "else",
    "end",
    "with",
    "range",
    "define",
    "nil",
    "true",
    ".a",
    ".b",
    ".a.b",
    "$.a",
    "..",
    "eq",
    "ne",
    "lt",
    "le",
    "gt",
    "ge",
    "and",
    "or",
    "not",
    "len",
    "index",
    "print",
    "printf",
    "upper",
    "\"%d\"",
    "\"%5.2f\"",
    "\"%[2]*.*v\"",
    "\"%-#+ 0x%q%!\"",
    "\"\\x41\\u00e9\"",
    "%",
    "\u00e9",
    "\ud83d\ude00",
    "\ud800",
    "\u0000",
    "\u20ac",
    "x",
    "{",
    "}",
  };

  private static final String[] SEEDS = {
    "ts(cpu, env={{ .a }}) > {{ .n }}",
    "{{ if eq .a \"x\" }}yes{{ else if .b }}b{{ else }}no{{ end }}",
    "{{ with .a }}[{{ . }}]{{ else with .b }}{{ . }}{{ end }}",
    "{{- printf \"%s-%05.1f|%x|%[1]q\" .a 3.25 .n -}}",
    "{{ index . \"a\" 0 | printf \"%c%v\" (len .a) }}",
    "{{ and .a (or .b .n) | not }} {{ print 1 2 \"x\" .missing }}",
    "{{/* comment */}}{{ (len (print .a .b)) }}{{ $.a }}",
    "{{ lt 1 2.5 }}{{ ge \"a\" \"b\" }}{{ eq (index .a 0) 120 }}",
    "{{ if .a }}{{ with $ }}{{ .n }}{{ end }}{{ end }}",
  };

  @Test
  void onlyTemplateExceptionsEscape() {
    Random random = new Random(SEED);
    Map<String, String> params = Map.of("a", "x", "b", "", "n", "5");
    int executed = 0;
    int syntaxErrors = 0;
    for (int i = 0; i < CASES; i++) {
      String text =
          i % 2 == 0 ? randomText(random) : mutate(random, SEEDS[random.nextInt(SEEDS.length)]);
      try {
        GoTemplate template = GoTemplate.parse(text);
        assertThat(template.references()).isNotNull();
        template.execute(params);
        executed++;
      } catch (TemplateException e) {
        if (e instanceof TemplateSyntaxException) {
          syntaxErrors++;
        }
        assertThat(e.offset()).as("offset in %s", text).isBetween(0, text.length());
        assertThat(e.line()).isPositive();
        assertThat(e.column()).isPositive();
        assertThat(e.detail()).isNotBlank();
      } catch (RuntimeException | Error e) {
        throw new AssertionError(
            "case " + i + " threw " + e + " for " + GoStrings.quote(text, false), e);
      }
    }
    // The generator must exercise execution as well as parsing.
    assertThat(executed).isGreaterThan(CASES / 10);
    assertThat(syntaxErrors).isGreaterThan(CASES / 4);
  }

  private static String randomText(Random random) {
    StringBuilder sb = new StringBuilder();
    int n = random.nextInt(12);
    for (int i = 0; i < n; i++) {
      sb.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
    }
    return sb.toString();
  }

  private static String mutate(Random random, String seed) {
    StringBuilder sb = new StringBuilder(seed);
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits; i++) {
      int at = random.nextInt(sb.length() + 1);
      switch (random.nextInt(3)) {
        case 0 -> sb.insert(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        case 1 -> sb.delete(at, Math.min(sb.length(), at + 1 + random.nextInt(4)));
        default -> {
          int from = random.nextInt(sb.length() + 1);
          sb.insert(at, sb.substring(from, Math.min(sb.length(), from + random.nextInt(8))));
        }
      }
    }
    return sb.toString();
  }
}
