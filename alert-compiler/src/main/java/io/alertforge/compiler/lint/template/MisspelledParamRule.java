package io.alertforge.compiler.lint.template;

import io.alertforge.compiler.diagnostic.Rule;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.compiler.lint.Findings;
import io.alertforge.compiler.lint.LintContext;
import io.alertforge.compiler.lint.LintRule;

/**
 * A param an AlertsConfig supplies that its template neither exports nor uses, and whose name is
 * near one the template does: a misspelling, so the value meant for it never reaches the alert (the
 * default, or nothing, does). Near: the same but for case, or at most 2 edits (Damerau-
 * Levenshtein) and fewer than half the shorter name's length. A param with no near match is {@code
 * template/unused-param}'s; each unused param is reported by one of the two. Its findings concern
 * no namespace, so {@code namespaces} in alertforge.yaml does not narrow this rule.
 */
public final class MisspelledParamRule extends LintRule<Void> {

  public MisspelledParamRule() {
    super(
        Rule.configurable(
                "template/misspelled-param",
                Severity.ERROR,
                "A supplied param is not exported by its template, but a name it exports is near.")
            .withDescription(
                "An entry's param (or a globalParam) that its template neither exports nor uses,"
                    + " while a name the template does use or export differs from it only in"
                    + " case, or by at most two edits (insert, delete, replace, swap two"
                    + " neighbours) and fewer than half the shorter name's length. The value"
                    + " meant for that param is silently lost: the alert gets the template's"
                    + " default, or nothing. An unused param with no such near name is a"
                    + " `template/unused-param` warning instead; no param is reported by both.")
            .withExample(
                "    cpu-high:   # template cpu-high exports threshold\n"
                    + "      params: {app: web, treshold: \"90\"}",
                "    cpu-high:\n      params: {app: web, threshold: \"90\"}"));
  }

  @Override
  public void check(LintContext context, Void options, Findings findings) {
    for (UnusedSuppliedParams.Unused unused : UnusedSuppliedParams.of(context.templateUses())) {
      if (unused.nearMatch() == null) {
        continue;
      }
      String owner =
          unused.template() == null
              ? "any template of AlertsConfig '" + unused.config().name() + "'"
              : "template '" + unused.template().source().name() + "'";
      findings.report(
          unused.config().document().keyAt(unused.key()),
          null,
          (unused.template() == null ? "global param '" : "param '")
              + unused.param()
              + "' is not exported by "
              + owner
              + "; did you mean '"
              + unused.nearMatch()
              + "'?");
    }
  }
}
