package io.alertforge.compiler.diagnostic;

/**
 * The rules that are not classes of the rule engine: the compiler's own checks, reported by the
 * stage that finds them (reading, schema, references, rendering), and the engine's checks of
 * alertforge.yaml's options and of suppression comments. Each is declared here whole: id, default
 * severity, summary, whether alertforge.yaml may configure it, and an example. {@code
 * RuleCatalogue.DEFAULT} lists them with the rule classes; {@code RulesCatalogueTest} keeps {@code
 * docs/rules.md} and alertforge.yaml's schema in step with it.
 */
public final class Rules {

  public static final Rule YAML_SYNTAX =
      Rule.mandatory("yaml/syntax", Severity.ERROR, "The file is not valid YAML.")
          .withExample("spec: {alertName: cpu", "spec: {alertName: cpu}");

  public static final Rule YAML_ENCODING =
      Rule.mandatory("yaml/encoding", Severity.ERROR, "The file is not valid UTF-8.")
          .withExample("alertName: caf\\xE9   # a Latin-1 byte", "alertName: café");

  public static final Rule YAML_LIMIT =
      Rule.mandatory(
              "yaml/limit",
              Severity.ERROR,
              "The file exceeds a safety bound: size, aliases (YAML bombs), nesting or node count.")
          .withExample(
              "a: &a [*b, *b, *b, ...]   # aliases nested to billions of nodes", "a: [1, 2, 3]");

  public static final Rule YAML_DUPLICATE_KEY =
      Rule.mandatory("yaml/duplicate-key", Severity.ERROR, "A mapping has the same key twice.")
          .withExample("minutes: 5\nminutes: 10", "minutes: 10");

  public static final Rule YAML_TAG =
      Rule.mandatory("yaml/tag", Severity.ERROR, "Custom tags and merge keys are not allowed.")
          .withExample("minutes: !!python/object 5", "minutes: 5");

  public static final Rule INPUT_IGNORED =
      Rule.configurable(
              "input/ignored-document",
              Severity.INFO,
              "A YAML document that is not an alert was skipped.")
          .withExample(
              "apiVersion: v1\nkind: ConfigMap   # not an alert",
              "# keep non-alert files outside alert.source, or disable the rule");

  public static final Rule INPUT_SYMLINK =
      Rule.configurable("input/symlink", Severity.INFO, "A symbolic link was not followed.")
          .withExample(
              "alerts.yaml -> ../other-repo/alerts.yaml", "# copy the file into the repository");

  public static final Rule INPUT_UNREADABLE =
      Rule.mandatory("input/unreadable", Severity.ERROR, "A file could not be read.")
          .withExample(
              "alerts.yaml   # mode 000", "# make the file readable: chmod 644 alerts.yaml");

  public static final Rule SCHEMA_API_VERSION =
      Rule.mandatory(
              "schema/api-version",
              Severity.ERROR,
              "An alertmanager.keikoproj.io document with an unknown version or kind.")
          .withExample(
              "apiVersion: alertmanager.keikoproj.io/v1beta1",
              "apiVersion: alertmanager.keikoproj.io/v1alpha1");

  public static final Rule SCHEMA_REQUIRED =
      Rule.mandatory("schema/required", Severity.ERROR, "A required field is missing.")
          .withExample(
              "spec:\n  alertName: cpu   # no condition",
              "spec:\n  alertName: cpu\n  condition: ts(cpu) > 90");

  public static final Rule SCHEMA_UNKNOWN_FIELD =
      Rule.mandatory(
              "schema/unknown-field",
              Severity.ERROR,
              "A field the CRD does not define (the API server would drop it silently).")
          .withExample("spec:\n  serverity: warn", "spec:\n  severity: warn");

  public static final Rule SCHEMA_TYPE =
      Rule.mandatory("schema/type", Severity.ERROR, "A value has the wrong type.")
          .withExample("  minutes: \"5\"", "  minutes: 5");

  public static final Rule SCHEMA_ENUM =
      Rule.mandatory("schema/enum", Severity.ERROR, "A value is not one of the allowed values.")
          .withExample("  severity: WARN", "  severity: warn");

  public static final Rule SCHEMA_RANGE =
      Rule.mandatory(
              "schema/range", Severity.ERROR, "A number or length is out of its allowed range.")
          .withExample("  minutes: 0", "  minutes: 5");

  public static final Rule SCHEMA_EMPTY =
      Rule.mandatory(
              "schema/empty",
              Severity.ERROR,
              "A field that keikoproj requires non-empty is empty or blank.")
          .withExample("  condition: \" \"", "  condition: ts(cpu) > 90");

  public static final Rule SCHEMA_PATTERN =
      Rule.mandatory("schema/pattern", Severity.ERROR, "A value does not have the required form.")
          .withExample("metadata:\n  name: CPU_High", "metadata:\n  name: cpu-high");

  public static final Rule SCHEMA_INVALID =
      Rule.mandatory("schema/invalid", Severity.ERROR, "Another schema violation.")
          .withExample(
              "  exportedParams: [app, app]   # violates another schema keyword",
              "  exportedParams: [app]");

  public static final Rule METADATA_NAMESPACE =
      Rule.mandatory(
              "metadata/missing-namespace",
              Severity.ERROR,
              "A document has no namespace and alertforge.yaml sets no defaultNamespace.")
          .withExample(
              "metadata:\n  name: cpu-high   # and no defaultNamespace in alertforge.yaml",
              "metadata:\n  name: cpu-high\n  namespace: payments");

  public static final Rule REFERENCE_UNKNOWN_TEMPLATE =
      Rule.mandatory(
              "reference/unknown-template",
              Severity.ERROR,
              "An AlertsConfig entry names a WavefrontAlert that does not exist in its namespace.")
          .withExample("  alerts:\n    cpu-hihg: {}", "  alerts:\n    cpu-high: {}");

  public static final Rule REFERENCE_STANDALONE =
      Rule.mandatory(
              "reference/standalone-template",
              Severity.ERROR,
              "An AlertsConfig entry names a standalone WavefrontAlert (one without"
                  + " exportedParams).")
          .withExample(
              "  alerts:\n    heartbeat: {}   # heartbeat has no exportedParams",
              "# add exportedParams to heartbeat, or remove the entry");

  public static final Rule TEMPLATE_SYNTAX =
      Rule.mandatory(
              "template/syntax", Severity.ERROR, "A template field is not valid template syntax.")
          .withExample(
              "  alertName: \"{{ .app | upper }} cpu\"", "  alertName: \"{{ .app }} cpu\"");

  public static final Rule TEMPLATE_EXECUTION =
      Rule.mandatory(
              "template/execution",
              Severity.ERROR,
              "A template failed while rendering an instance.")
          .withExample(
              "  alertName: \"{{ index .app 5 }}\"   # app is \"web\"",
              "  alertName: \"{{ .app }}\"");

  public static final Rule TEMPLATE_MISSING_PARAM =
      Rule.mandatory(
              "template/missing-param",
              Severity.ERROR,
              "An exported param has no value from the entry, globalParams or the template's"
                  + " defaults.")
          .withExample(
              "  exportedParams: [app]\n# AlertsConfig entry\n    cpu-high: {}",
              "    cpu-high:\n      params: {app: web}");

  public static final Rule TEMPLATE_CONTROL_CHARACTER =
      Rule.mandatory(
              "template/control-character",
              Severity.ERROR,
              "A param brings a control character into a single-line field of a rendered alert.")
          .withExample(
              "    cpu-high:\n      params: {app: \"web\\n\"}   # into alertName",
              "    cpu-high:\n      params: {app: web}");

  public static final Rule ALERT_DUPLICATE_RESOURCE =
      Rule.mandatory(
              "alert/duplicate-resource",
              Severity.ERROR,
              "Two objects of one kind have the same name in one namespace.")
          .withExample(
              "# two WavefrontAlerts named cpu-high in namespace payments", "# rename one of them");

  public static final Rule SCHEMA_ALERT_TYPE_FIELD =
      Rule.mandatory(
              "schema/alert-type-field",
              Severity.ERROR,
              "A field the alert's alertType does not use: a CLASSIC alert has one condition,"
                  + " severity and target, a THRESHOLD alert (an AlertForge extension) conditions"
                  + " and targets per severity.")
          .withExample(
              "  alertType: THRESHOLD\n  severity: warn\n  conditions:\n    warn: ts(cpu) > 80",
              "  alertType: THRESHOLD\n  conditions:\n    warn: ts(cpu) > 80");

  public static final Rule CONFIG_INVALID_OPTION =
      Rule.mandatory(
              "config/invalid-option",
              Severity.ERROR,
              "An option in alertforge.yaml has a value the rule cannot use (a bad regex,"
                  + " min above max).")
          .withExample(
              "rules:\n  policy/alert-fatigue:\n    options: {minutes: {min: 10, max: 5}}",
              "rules:\n  policy/alert-fatigue:\n    options: {minutes: {min: 2, max: 60}}");

  public static final Rule SUPPRESSION_MISSING_REASON =
      Rule.configurable(
              "suppression/missing-reason",
              Severity.WARNING,
              "A suppression comment does not say why (`-- reason`).")
          .withExample(
              "# alertforge:disable-next-line policy/alert-fatigue",
              "# alertforge:disable-next-line policy/alert-fatigue -- batch job, checked hourly");

  public static final Rule SUPPRESSION_UNUSED =
      Rule.configurable(
              "suppression/unused",
              Severity.WARNING,
              "A suppression comment matches no finding: remove it.")
          .withExample(
              "# alertforge:disable-next-line policy/alert-fatigue -- ...\nminutes: 5   #"
                  + " nothing to suppress",
              "minutes: 5");

  public static final Rule SUPPRESSION_EXPIRED =
      Rule.configurable(
              "suppression/expired",
              Severity.WARNING,
              "A suppression's until date has passed; it no longer suppresses anything.")
          .withExample(
              "# alertforge:disable-next-line policy/threshold-bounds until=2024-01-31 --"
                  + " migration",
              "# fix the finding, or set a later until= date");

  public static final Rule SUPPRESSION_LOCKED =
      Rule.mandatory(
              "suppression/locked",
              Severity.ERROR,
              "A suppression of a locked rule, or of a check that cannot be disabled.")
          .withExample(
              "# alertforge:disable-next-line security/secret-in-repo -- test token\n#"
                  + " (alertforge.yaml: locked: [security/secret-in-repo])",
              "# remove the secret; locked rules cannot be suppressed");

  public static final Rule SUPPRESSION_MALFORMED =
      Rule.mandatory(
              "suppression/malformed",
              Severity.ERROR,
              "A suppression comment with an unknown directive or rule id, or a bad date.")
          .withExample(
              "# alertforge:disable-next-line policy/alert-fatigeu -- ...",
              "# alertforge:disable-next-line policy/alert-fatigue -- ...");

  private Rules() {}
}
