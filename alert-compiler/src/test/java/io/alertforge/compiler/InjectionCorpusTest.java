package io.alertforge.compiler;

import static io.alertforge.compiler.TestRepository.template;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values that would change a query's structure, or slip past a reader: every one must be reported
 * by security/param-injection, each at the param that supplies it; a control character (newline,
 * CR, tab, NUL) is template/control-character's instead, which stops the alert rendering, so the
 * rules of rendered alerts never see it.
 */
class InjectionCorpusTest {

  static final List<String> CORPUS =
      List.of(
          "x\") + ts(\"billing.revenue\", env=\"x",
          "prod\" or not env=\"",
          "prod' or '1",
          "a)",
          "(a",
          "a,b",
          "trailing\\",
          "a\nb",
          "a\rb",
          "a b",
          "a\tb",
          "${B}",
          "$alias",
          "{{ .other }}",
          "{{",
          "x > 5",
          "a=b",
          "a!=b",
          "a+b",
          "a&b",
          "a<b",
          "a|b",
          "a;b",
          "~alert.isfiring.123",
          "pr\u03BFd", // Greek omicron, looks like "prod"
          "prod\uFF02", // fullwidth quotation mark
          "a\u200Bb", // zero-width space
          "a\u2215b", // division slash, looks like "/"
          "\u0000",
          "caf\u00E9");

  @TempDir Path root;

  @Test
  void everyValueOfTheCorpusIsCaughtAtItsParam() throws Exception {
    ObjectMapper json = new ObjectMapper();
    StringBuilder alerts = new StringBuilder();
    for (int i = 0; i < CORPUS.size(); i++) {
      // A JSON string is a YAML double-quoted scalar with the same escapes.
      alerts
          .append("    q")
          .append(i)
          .append(": {params: {env: ")
          .append(json.writeValueAsString(CORPUS.get(i)))
          .append("}}\n");
    }
    TestRepository repository = new TestRepository(root);
    for (int i = 0; i < CORPUS.size(); i++) {
      repository.file(
          "t/q" + i + ".yaml",
          template(
              "payments",
              "q" + i,
              """
              alertType: CLASSIC
              alertName: q%d
              condition: ts(cpu, env="{{ .env }}") > 1
              displayExpression: ts(cpu)
              severity: warn
              minutes: 5
              resolveAfterMinutes: 5
              exportedParams: [env]
              """
                  .formatted(i)));
    }
    Compilation compilation =
        repository
            .file(
                "apps/a.yaml",
                "apiVersion: alertmanager.keikoproj.io/v1alpha1\nkind: AlertsConfig\n"
                    + "metadata: {name: a, namespace: payments}\nspec:\n  alerts:\n"
                    + alerts)
            .compile();

    Map<Integer, Long> findingsPerLine =
        compilation.diagnostics().stream()
            .filter(
                d ->
                    d.rule().equals("security/param-injection")
                        || d.rule().equals("template/control-character"))
            .collect(
                Collectors.groupingBy(
                    d -> d.position().line(), TreeMap::new, Collectors.counting()));
    Map<Integer, Long> expected = new TreeMap<>();
    for (int i = 0; i < CORPUS.size(); i++) {
      expected.put(6 + i, 1L);
    }
    assertThat(findingsPerLine).as(compilation.diagnostics().toString()).isEqualTo(expected);
  }
}
