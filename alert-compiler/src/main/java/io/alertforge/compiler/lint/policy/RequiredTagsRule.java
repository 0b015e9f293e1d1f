package io.alertforge.compiler.lint.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertforge.compiler.diagnostic.Rule;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.compiler.lint.Findings;
import io.alertforge.compiler.lint.Glob;
import io.alertforge.compiler.lint.LintContext;
import io.alertforge.compiler.lint.LintRule;
import io.alertforge.compiler.lint.Origins;
import io.alertforge.compiler.lint.RuleOptions;
import io.alertforge.compiler.model.RenderedAlert;
import java.util.Map;

/** Every rendered alert carries the required tags, and every tag uses Wavefront's charset. */
public final class RequiredTagsRule extends LintRule<NamespacedGlobs> {

  public RequiredTagsRule() {
    super(
        Rule.configurable(
                "policy/required-tags",
                Severity.ERROR,
                "An alert lacks a required tag, or a tag has characters Wavefront does not allow.")
            .withDescription(
                """
                Each glob of `required` (for example `team:*`) must match at least one tag of every
                rendered alert of the namespace. Independently of the options, every tag must
                consist of Wavefront's tag characters `[A-Za-z0-9_:.-]`: a space or a slash in a
                rendered tag is rejected by Wavefront.""")
            .withExample(
                """
                # alertforge.yaml
                rules:
                  policy/required-tags:
                    options: {required: ["team:*", "service:*"]}
                # payments/templates/cpu.yaml
                  tags: ["service:{{ .app }}", "owner team"]""",
                """
                tags: ["team:payments", "service:{{ .app }}"]""")
            .withOptions(
                Map.of(
                    "required", "tag globs each alert must match, in every namespace",
                    "namespaces", "per namespace: `{required: [...]}`, added to the list above")));
  }

  @Override
  public NamespacedGlobs options(RuleOptions options) {
    return NamespacedGlobs.of(options, "required");
  }

  @Override
  public void check(LintContext context, NamespacedGlobs required, Findings findings) {
    for (RenderedAlert alert : context.alerts()) {
      JsonNode tags = alert.spec().path("tags");
      for (int i = 0; i < tags.size(); i++) {
        String tag = tags.get(i).asText();
        int bad = firstBadCharacter(tag);
        if (bad >= 0) {
          String field = "tags/" + i;
          findings.report(
              alert,
              Origins.locate(alert, field, tag.substring(bad, bad + 1)),
              "tag '"
                  + tag
                  + "' has "
                  + describe(tag.charAt(bad))
                  + ", which Wavefront does not allow in tags; use only letters, digits and _ : . -");
        }
      }
      for (Glob glob : required.forNamespace(alert.namespace())) {
        boolean found = false;
        for (int i = 0; i < tags.size() && !found; i++) {
          found = glob.matches(tags.get(i).asText());
        }
        if (!found) {
          findings.report(
              alert,
              Origins.field(alert, "tags"),
              "no tag matches '"
                  + glob.text()
                  + "', which namespace "
                  + alert.namespace()
                  + " requires (policy/required-tags in alertforge.yaml); add such a tag");
        }
      }
    }
  }

  private static int firstBadCharacter(String tag) {
    for (int i = 0; i < tag.length(); i++) {
      char c = tag.charAt(i);
      boolean ok =
          c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '.' || c == '-');
      if (!ok) {
        return i;
      }
    }
    return -1;
  }

  static String describe(char c) {
    return c == ' '
        ? "a space"
        : c < 32 || c > 126 ? String.format("the character U+%04X", (int) c) : "'" + c + "'";
  }
}
