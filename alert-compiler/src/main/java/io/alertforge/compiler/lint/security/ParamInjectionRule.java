package io.alertforge.compiler.lint.security;

import io.alertforge.compiler.diagnostic.Rule;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.compiler.diagnostic.SourcePosition;
import io.alertforge.compiler.lint.Findings;
import io.alertforge.compiler.lint.LintContext;
import io.alertforge.compiler.lint.LintRule;
import io.alertforge.compiler.lint.Queries;
import io.alertforge.compiler.lint.RuleOptions;
import io.alertforge.compiler.model.AlertSource;
import io.alertforge.compiler.model.FieldOrigin;
import io.alertforge.compiler.model.RenderedAlert;
import io.alertforge.compiler.schema.FieldPaths;
import io.alertforge.compiler.source.YamlDocument;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Param values inserted into a query must not change its structure; values keikoproj's controller
 * would mangle are reported too.
 */
public final class ParamInjectionRule extends LintRule<ParamInjectionRule.Options> {

  record Options(boolean keikoproj) {}

  /** Annotation prefix on a template: {@code alertforge.io/param-pattern.<param>: <regex>}. */
  public static final String PATTERN_ANNOTATION = "alertforge.io/param-pattern.";

  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
  private static final String KEIKOPROJ_MANGLED = "<>&'\"+\\";

  public ParamInjectionRule() {
    super(
        Rule.configurable(
                "security/param-injection",
                Severity.ERROR,
                "A param value inserted into a query could change its structure (WQL injection).")
            .withDescription(
                """
                A param value that goes into `condition` or `displayExpression` may hold only
                `[A-Za-z0-9_.:*/-]` or be a plain number. Quotes, parentheses, commas, operators,
                backslashes, whitespace, newlines, `$`, `{{` and any non-ASCII character
                (look-alikes such as a fullwidth quote) are reported at the first offending
                character of the value: `env: x") + ts("billing.revenue` would read another metric.
                A template may widen this for one param with the annotation
                `alertforge.io/param-pattern.<param>: <regex>` (the whole value must match). With
                the option `keikoproj` (on by default), values in any field that keikoproj's
                controller would change are reported too: it renders with Go's `html/template`,
                which escapes `< > & ' " +`, and it re-reads backslashes as JSON escapes.""")
            .withExample(
                """
                # payments/apps/payments-api.yaml
                  globalParams:
                    env: prod") or ts("billing.revenue""",
                """
                globalParams:
                  env: prod""")
            .withOptions(
                Map.of(
                    "keikoproj",
                    "also report values keikoproj's controller would change (default true); set"
                        + " false when only AlertForge's rendered output is applied")));
  }

  @Override
  public Options options(RuleOptions options) {
    return new Options(options.bool("keikoproj", true));
  }

  @Override
  public void check(LintContext context, Options options, Findings findings) {
    Map<YamlDocument, Map<String, Pattern>> patterns = new IdentityHashMap<>();
    for (AlertSource template : context.repository().wavefrontAlerts()) {
      patterns.put(template.document(), patterns(template, findings));
    }
    for (RenderedAlert alert : context.alerts()) {
      if (!alert.isInstance()) {
        continue;
      }
      // One finding per param (where its value is set) and alert, query problems first.
      Set<SourcePosition> reported = new HashSet<>();
      for (String field : Queries.queryFields(alert)) {
        FieldOrigin origin = alert.field(field);
        if (origin != null) {
          Map<String, Pattern> declared = patterns.getOrDefault(origin.document(), Map.of());
          origin
              .params()
              .forEach(p -> checkQueryValue(alert, field, p, declared, reported, findings));
        }
      }
      if (options.keikoproj()) {
        new TreeMap<>(alert.fields())
            .forEach(
                (field, origin) ->
                    origin
                        .params()
                        .forEach(p -> checkKeikoproj(alert, field, p, reported, findings)));
      }
    }
  }

  private void checkQueryValue(
      RenderedAlert alert,
      String field,
      FieldOrigin.ParamUse param,
      Map<String, Pattern> declared,
      Set<SourcePosition> reported,
      Findings findings) {
    String value = param.value();
    Pattern pattern = declared.get(param.name());
    if (pattern != null) {
      if (!pattern.matcher(value).matches()) {
        report(
            alert,
            param,
            0,
            "does not match the pattern '"
                + pattern.pattern()
                + "' that template "
                + alert.template()
                + " declares for it",
            field,
            reported,
            findings);
      }
      return;
    }
    if (NUMBER.matcher(value).matches()) {
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean safe =
          c < 128
              && (Character.isLetterOrDigit(c)
                  || c == '_'
                  || c == '.'
                  || c == ':'
                  || c == '*'
                  || c == '/'
                  || c == '-');
      if (!safe) {
        report(
            alert,
            param,
            i,
            "has "
                + describe(value, i)
                + "; a value inserted into a query may hold only letters, digits and _ . : * / -"
                + " (or be a plain number), or it can change what the query reads. Use a plain"
                + " value, or declare a pattern for the param with the template annotation "
                + PATTERN_ANNOTATION
                + param.name(),
            field,
            reported,
            findings);
        return;
      }
    }
  }

  private void checkKeikoproj(
      RenderedAlert alert,
      String field,
      FieldOrigin.ParamUse param,
      Set<SourcePosition> reported,
      Findings findings) {
    String value = param.value();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (KEIKOPROJ_MANGLED.indexOf(c) >= 0) {
        report(
            alert,
            param,
            i,
            "has "
                + describe(value, i)
                + ", which keikoproj's controller would change ("
                + (c == '\\'
                    ? "it reads a backslash as a JSON escape"
                    : "html/template escapes it to " + htmlEscape(c))
                + "); avoid it, or set the rule's option keikoproj: false if only AlertForge's"
                + " rendered output is applied",
            field,
            reported,
            findings);
        return;
      }
    }
  }

  private static void report(
      RenderedAlert alert,
      FieldOrigin.ParamUse param,
      int offset,
      String problem,
      String field,
      Set<SourcePosition> reported,
      Findings findings) {
    if (reported.add(param.position())) {
      findings.report(
          alert,
          param.at(offset),
          "param '"
              + param.name()
              + "' = '"
              + visible(param.value())
              + "' (from "
              + param.source()
              + ", used in "
              + field.replace('/', '.')
              + ") "
              + problem);
    }
  }

  /** The template's declared param patterns; a bad regex is reported at its annotation. */
  private Map<String, Pattern> patterns(AlertSource template, Findings findings) {
    Map<String, Pattern> patterns = new HashMap<>();
    template
        .document()
        .content()
        .path("metadata")
        .path("annotations")
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getKey().startsWith(PATTERN_ANNOTATION)) {
                try {
                  patterns.put(
                      e.getKey().substring(PATTERN_ANNOTATION.length()),
                      Pattern.compile(e.getValue().asText()));
                } catch (PatternSyntaxException ex) {
                  findings.report(
                      template
                          .document()
                          .valueAt("/metadata/annotations/" + FieldPaths.escape(e.getKey())),
                      template.namespace(),
                      "annotation "
                          + e.getKey()
                          + " is not a valid regular expression: "
                          + ex.getDescription());
                }
              }
            });
    return patterns;
  }

  private static String describe(String value, int i) {
    int c = value.codePointAt(i);
    if (c == '{' && value.startsWith("{{", i)) {
      return "template syntax '{{'";
    }
    if (c == '\n' || c == '\r') {
      return "a line break";
    }
    if (c == ' ' || c == '\t') {
      return "whitespace";
    }
    if (c < 32 || c > 126) {
      return String.format("the character U+%04X (%s)", c, Character.getName(c));
    }
    return "'" + (char) c + "'";
  }

  private static String htmlEscape(char c) {
    return switch (c) {
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      case '&' -> "&amp;";
      case '\'' -> "&#39;";
      case '"' -> "&#34;";
      default -> "&#43;";
    };
  }

  /** The value with control and non-ASCII characters escaped, cut at 60 characters. */
  static String visible(String value) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < value.length() && text.length() < 60; i++) {
      char c = value.charAt(i);
      if (c == '\n') {
        text.append("\\n");
      } else if (c < 32 || c > 126) {
        text.append(String.format("\\u%04X", (int) c));
      } else {
        text.append(c);
      }
    }
    return text.length() >= 60 ? text + "..." : text.toString();
  }
}
