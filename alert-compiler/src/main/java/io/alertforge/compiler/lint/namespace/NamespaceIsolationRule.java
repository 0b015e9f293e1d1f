package io.alertforge.compiler.lint.namespace;

import io.alertforge.compiler.diagnostic.Rule;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.compiler.lint.Findings;
import io.alertforge.compiler.lint.Glob;
import io.alertforge.compiler.lint.LintContext;
import io.alertforge.compiler.lint.LintRule;
import io.alertforge.compiler.model.AlertSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Each document's namespace must be owned, in alertforge.yaml, by a glob matching its path. */
public final class NamespaceIsolationRule extends LintRule<Void> {

  public NamespaceIsolationRule() {
    super(
        Rule.configurable(
                "namespace/isolation",
                Severity.ERROR,
                "A file defines objects in a namespace its path does not own.")
            .withDescription(
                """
                `namespaces` in alertforge.yaml maps each namespace to the path globs of the files
                that may define objects in it (the directories its owners may write, as CODEOWNERS
                grants them). A WavefrontAlert or AlertsConfig whose namespace is not owned by its
                path, or is not listed at all, is reported, so one team cannot create alerts in
                another's namespace. An AlertsConfig uses templates of its own namespace, and of the
                `sharedTemplateNamespaces` (an extension of keikoproj, which requires the same
                namespace; the rendered output is valid for keikoproj); any other namespace's
                template is `reference/unknown-template`. Silent when `namespaces` is not set.""")
            .withExample(
                """
                # alertforge.yaml
                namespaces:
                  payments: ["payments/**"]
                  checkout: ["checkout/**"]
                # checkout/apps/refunds.yaml
                metadata:
                  name: refunds
                  namespace: payments""",
                """
                # payments/apps/refunds.yaml
                metadata:
                  name: refunds
                  namespace: payments"""));
  }

  @Override
  public void check(LintContext context, Void options, Findings findings) {
    Map<String, List<Glob>> owners = context.config().owners();
    if (owners.isEmpty()) {
      return;
    }
    Stream.concat(
            context.repository().wavefrontAlerts().stream(),
            context.repository().alertsConfigs().stream())
        .forEach(source -> check(source, owners, findings));
  }

  private static void check(AlertSource source, Map<String, List<Glob>> owners, Findings findings) {
    List<Glob> globs = owners.get(source.namespace());
    boolean explicit = source.document().has("/metadata/namespace");
    var position =
        explicit
            ? source.document().valueAt("/metadata/namespace")
            : source.document().keyAt("/metadata");
    String what =
        source.kind().kind()
            + " "
            + source.name()
            + " is in namespace "
            + source.namespace()
            + (explicit ? "" : " (defaultNamespace)");
    if (globs == null) {
      findings.report(
          position,
          source.namespace(),
          what
              + ", which has no owner in the namespaces of alertforge.yaml; add it there with the"
              + " paths its team may write"
              + suggestion(source.file(), owners));
    } else if (globs.stream().noneMatch(g -> g.matches(source.file()))) {
      findings.report(
          position,
          source.namespace(),
          what
              + ", but "
              + source.file()
              + " is not one of its paths ("
              + String.join(", ", globs.stream().map(Glob::text).toList())
              + ")"
              + suggestion(source.file(), owners)
              + "; move the file, or fix its namespace");
    }
  }

  /** The namespaces this file's path does own, as a hint. */
  private static String suggestion(String file, Map<String, List<Glob>> owners) {
    List<String> owned = new ArrayList<>();
    owners.forEach(
        (namespace, globs) -> {
          if (globs.stream().anyMatch(g -> g.matches(file))) {
            owned.add(namespace);
          }
        });
    return owned.isEmpty() ? "" : "; this path may write namespace " + String.join(", ", owned);
  }
}
