package io.alertforge.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertforge.compiler.diagnostic.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fills every string field of a template, and its param, with seeded random soups of query,
 * template and target fragments, under sample-repo's alertforge.yaml (every policy rule on), and
 * compiles: the values are valid YAML, so they reach the template engine, the schema of rendered
 * alerts and the rules, which must answer with diagnostics only, never an exception or an internal
 * error.
 */
class FieldValueFuzzTest {

  private static final long SEED = 20_261_127L;
  private static final int CASES = 1_000;

  private static final String[] FRAGMENTS = {
    "ts(",
    "cs(",
    "hs(",
    "retainSeries(",
    ")",
    "(",
    ",",
    " ",
    "and",
    "or",
    "not",
    "=",
    "!=",
    "?=",
    ">",
    "<=",
    "\"",
    "'",
    "/",
    "\\",
    "90",
    "7.2k",
    "$x",
    "${",
    "}",
    "~alert.x",
    "*",
    "kubernetes.",
    "http.server.",
    "|",
    "@",
    "pd:",
    "mail@x.io",
    "team:",
    "service:",
    "#",
    ":",
    "\n",
    "\t",
    "\u0000",
    "\u202e",
    "é",
    "-",
    "severe",
    "warn",
    "%",
    "%s",
    "`"
  };

  private static final String[] TEMPLATE_FRAGMENTS = {
    "{{",
    "}}",
    "{{ .p }}",
    "{{ range . }}",
    "{{ end }}",
    "{{ if .p }}",
    "{{ else }}",
    "{{ printf \"%s\" .p }}",
    "{{ index . \"p\" }}",
    "{{-",
    "-}}",
    "{{/*",
    "*/}}",
    "{{ $v := .p }}",
    "{{ $v }}",
    "{{ len .p }}",
    "{{ .p | printf \"%q\" }}",
    "{{ eq .p `a` }}"
  };

  @TempDir Path root;

  private final ObjectMapper json = new ObjectMapper();

  /** A double-quoted YAML scalar (a JSON string) of up to nine fragments. */
  private String soup(Random random) throws Exception {
    // Mostly well-formed templates, so that most cases render and reach the rules.
    boolean template = random.nextInt(5) == 0;
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(10); i > 0; i--) {
      text.append(
          template && random.nextInt(3) == 0
              ? TEMPLATE_FRAGMENTS[random.nextInt(TEMPLATE_FRAGMENTS.length)]
              : random.nextInt(8) == 0 ? "{{ .p }}" : FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
    }
    return json.writeValueAsString(text.toString());
  }

  @Test
  void randomFieldValuesGiveOnlyDiagnostics() throws Exception {
    Path sample = Path.of(System.getProperty("alertforge.repoRoot", ".."), "sample-repo");
    Files.copy(sample.resolve("alertforge.yaml"), root.resolve("alertforge.yaml"));
    AlertCompiler compiler = new AlertCompiler();
    Random random = new Random(SEED);
    int rendered = 0;
    for (int i = 0; i < CASES; i++) {
      String spec =
          String.join(
              "\n",
              "alertType: CLASSIC",
              "alertName: " + soup(random),
              "condition: " + soup(random),
              "displayExpression: " + soup(random),
              "severity: " + (random.nextBoolean() ? "\"{{ .severity }}\"" : soup(random)),
              "minutes: 5",
              "resolveAfterMinutes: 5",
              "target: " + soup(random),
              "description: " + soup(random),
              "tags: [" + soup(random) + ", \"team:{{ .p }}\"]",
              "exportedParams: [p, severity]",
              "exportedParamsDefaultValues: {severity: warn}",
              "");
      String config =
          LintRulesTest.config("a", "payments", "{p: " + soup(random) + "}").replace("cpu:", "q:");
      new TestRepository(root)
          .file("payments/templates/q.yaml", TestRepository.template("payments", "q", spec))
          .file("payments/apps/a.yaml", config);
      String reproduce = "case " + i + " (seed " + SEED + "):\n" + spec + "\n" + config;

      Compilation compilation =
          assertTimeoutPreemptively(
              Duration.ofSeconds(30), () -> compiler.compile(root), () -> reproduce);

      for (Diagnostic d : compilation.diagnostics()) {
        assertThat(d.message()).as(reproduce).isNotBlank().doesNotContain("internal error");
      }
      rendered += compilation.alerts().size();
    }
    // Enough cases render for the rules to see them, rather than all stopping at the template.
    assertThat(rendered).isGreaterThan(CASES / 10);
  }
}
