package io.alertforge.compiler.lint.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertforge.compiler.diagnostic.Diagnostics;
import io.alertforge.compiler.diagnostic.Rule;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.compiler.diagnostic.SourcePosition;
import io.alertforge.compiler.lint.Findings;
import io.alertforge.compiler.lint.LintContext;
import io.alertforge.compiler.lint.LintRule;
import io.alertforge.compiler.lint.RepositoryFile;
import io.alertforge.compiler.source.SafeYamlReader;
import io.alertforge.compiler.source.SourceText;
import io.alertforge.compiler.source.YamlDocument;
import io.alertforge.compiler.source.YamlLimits;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secrets anywhere in the repository, in any text file: API tokens and Secret manifests with data.
 * The finding says what kind of secret and where, never the secret.
 */
public final class SecretInRepoRule extends LintRule<Void> {

  private record Detector(Pattern pattern, int group, String kind) {}

  private static final List<Detector> DETECTORS =
      List.of(
          new Detector(
              Pattern.compile(
                  "(?<![0-9A-Za-z-])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}"
                      + "-[0-9a-fA-F]{12}(?![0-9A-Za-z-])"),
              0,
              "a UUID-like string, the form of a Wavefront API token"),
          new Detector(
              Pattern.compile("(?<![0-9A-Z])(AKIA|ASIA)[0-9A-Z]{16}(?![0-9A-Z])"),
              0,
              "an AWS access key id"),
          new Detector(Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"), 0, "a private key"),
          new Detector(
              Pattern.compile(
                  "(?i)(?:token|secret|password|passwd|api[_-]?key)[\"']?\\s*[:=]\\s*[\"']?"
                      + "((?=[^\\s\"']*[0-9])(?=[^\\s\"']*[A-Za-z])[^\\s\"',#{}<>$]{16,})"),
              1,
              "a value assigned to a token, secret, password or API key"));

  private static final Pattern SECRET_KIND =
      Pattern.compile("(?m)^kind:\\s*[\"']?Secret[\"']?\\s*$");

  public SecretInRepoRule() {
    super(
        Rule.configurable(
                "security/secret-in-repo",
                Severity.ERROR,
                "A token, key or Secret manifest with data is committed to the repository.")
            .withDescription(
                """
                Scans every text file of the repository (not only alerts; hidden directories and
                `target/` excepted) for UUID-like strings (the form of Wavefront API tokens), AWS
                access key ids, private keys, long values assigned to keys named like `token`,
                `secret`, `password` or `apiKey`, and Kubernetes `Secret` manifests with `data` or
                `stringData`. Tokens belong in a Secret created outside Git (see the security
                guide); rotate any that was committed. The finding never prints the secret. A false
                positive is suppressed with a comment and a reason.""")
            .withExample(
                """
                # platform/controller/token.yaml
                apiVersion: v1
                kind: Secret
                metadata: {name: wavefront-api-token}
                stringData:
                  wavefront-api-token: 3f2a9c4e-1b7d-4e8a-9c0f-5d6e7f8a9b0c""",
                """
                # platform/controller/token.yaml: an ExternalSecret that names the token, holds none
                apiVersion: external-secrets.io/v1beta1
                kind: ExternalSecret
                metadata: {name: wavefront-api-token}"""));
  }

  @Override
  public void check(LintContext context, Void options, Findings findings) {
    for (RepositoryFile file : context.files()) {
      scanText(file.text(), findings);
      if (file.yaml() && SECRET_KIND.matcher(file.text().text()).find()) {
        scanSecretManifests(file.text(), findings);
      }
    }
  }

  private static void scanText(SourceText text, Findings findings) {
    String content = text.text();
    Set<Integer> reported = new HashSet<>();
    for (Detector detector : DETECTORS) {
      Matcher matcher = detector.pattern().matcher(content);
      while (matcher.find()) {
        int start = matcher.start(detector.group());
        if (!reported.add(start)) {
          continue; // one finding per secret, from the most specific detector
        }
        int line = text.lineOf(start);
        int column = start - content.lastIndexOf('\n', start - 1);
        findings.report(
            new SourcePosition(text.path(), line + 1, column),
            null,
            detector.kind()
                + " ("
                + (matcher.end(detector.group()) - start)
                + " characters, not shown); never commit credentials: keep them in a Secret"
                + " created outside Git and rotate this one if it is real");
      }
    }
  }

  private static void scanSecretManifests(SourceText text, Findings findings) {
    List<YamlDocument> documents =
        new SafeYamlReader(YamlLimits.DEFAULT)
            .read(text.path(), text.text().getBytes(StandardCharsets.UTF_8), new Diagnostics());
    for (YamlDocument document : documents) {
      JsonNode content = document.content();
      if (!"Secret".equals(content.path("kind").asText())
          || !content.path("apiVersion").asText().equals("v1")) {
        continue;
      }
      for (String field : List.of("data", "stringData")) {
        JsonNode data = content.path(field);
        if (data.isObject() && !data.isEmpty()) {
          findings.report(
              document.keyAt("/" + field),
              content.path("metadata").path("namespace").asText(null),
              "Secret "
                  + content.path("metadata").path("name").asText("(unnamed)")
                  + " has "
                  + field
                  + " with "
                  + data.size()
                  + " key(s) (values not shown); keep Secret manifests with data out of Git:"
                  + " create them in the cluster or with an external secret manager");
        }
      }
    }
  }
}
