package io.alertforge.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.model.RenderedAlert;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A throw-away alert repository in a temporary directory, and its compilation. */
final class TestRepository {

  static final AlertCompiler COMPILER = new AlertCompiler();

  private final Path root;

  TestRepository(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  TestRepository file(String path, String content) {
    return bytes(path, content.getBytes(StandardCharsets.UTF_8));
  }

  TestRepository bytes(String path, byte[] content) {
    try {
      Path file = root.resolve(path);
      Files.createDirectories(file.getParent());
      Files.write(file, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Compilation compile() {
    try {
      return COMPILER.compile(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The printed lines of every diagnostic with the given rule. */
  static List<String> lines(Compilation compilation, String rule) {
    return compilation.diagnostics().stream()
        .filter(d -> d.rule().equals(rule))
        .map(Diagnostic::format)
        .toList();
  }

  static Diagnostic only(Compilation compilation, String rule) {
    List<Diagnostic> found =
        compilation.diagnostics().stream().filter(d -> d.rule().equals(rule)).toList();
    assertThat(found)
        .as("diagnostics with rule %s in %s", rule, compilation.diagnostics())
        .hasSize(1);
    return found.get(0);
  }

  static RenderedAlert alert(Compilation compilation, String qualifiedName) {
    return compilation.alerts().stream()
        .filter(a -> a.qualifiedName().equals(qualifiedName))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    qualifiedName + " not rendered; diagnostics: " + compilation.diagnostics()));
  }

  /** An AlertsConfig whose spec is {@code body} (YAML, not indented). */
  static String alertsConfig(String name, String namespace, String body) {
    return """
        apiVersion: alertmanager.keikoproj.io/v1alpha1
        kind: AlertsConfig
        metadata:
          name: %s
          namespace: %s
        spec:
        %s
        """
        .formatted(name, namespace, body.stripTrailing().indent(2).stripTrailing());
  }

  /** A valid template with the given extra spec lines (indented four spaces). */
  static String template(String namespace, String name, String specLines) {
    return """
        apiVersion: alertmanager.keikoproj.io/v1alpha1
        kind: WavefrontAlert
        metadata:
          name: %s
          namespace: %s
        spec:
        %s
        """
        .formatted(name, namespace, specLines.stripTrailing().indent(2).stripTrailing());
  }

  static final String CPU_TEMPLATE_SPEC =
      """
      alertType: CLASSIC
      alertName: "{{ .app }} cpu high"
      condition: ts(cpu, app="{{ .app }}") > {{ .threshold }}
      displayExpression: ts(cpu, app="{{ .app }}")
      severity: "{{ .severity }}"
      minutes: 5
      resolveAfterMinutes: 10
      target: ops@example.com
      tags:
        - "service:{{ .app }}"
      exportedParams:
        - app
        - threshold
        - severity
      exportedParamsDefaultValues:
        threshold: "80"
        severity: warn
      """;
}
