package io.alertforge.compiler.diagnostic;

import java.util.List;

/**
 * The catalogue of the compiler's own checks. Each id is stable and documented in {@code
 * docs/rules.md}; {@code RulesCatalogueTest} keeps that page in step with this list.
 */
public final class Rules {

  public static final Rule YAML_SYNTAX =
      new Rule("yaml/syntax", Severity.ERROR, "The file is not valid YAML.");
  public static final Rule YAML_ENCODING =
      new Rule("yaml/encoding", Severity.ERROR, "The file is not valid UTF-8.");
  public static final Rule YAML_LIMIT =
      new Rule(
          "yaml/limit",
          Severity.ERROR,
          "The file exceeds a safety bound: size, aliases (YAML bombs), nesting or node count.");
  public static final Rule YAML_DUPLICATE_KEY =
      new Rule("yaml/duplicate-key", Severity.ERROR, "A mapping has the same key twice.");
  public static final Rule YAML_TAG =
      new Rule("yaml/tag", Severity.ERROR, "Custom tags and merge keys are not allowed.");

  public static final Rule INPUT_IGNORED =
      new Rule(
          "input/ignored-document",
          Severity.INFO,
          "A YAML document that is not an alert was skipped.");
  public static final Rule INPUT_SYMLINK =
      new Rule("input/symlink", Severity.INFO, "A symbolic link was not followed.");
  public static final Rule INPUT_UNREADABLE =
      new Rule("input/unreadable", Severity.ERROR, "A file could not be read.");

  public static final Rule SCHEMA_API_VERSION =
      new Rule(
          "schema/api-version",
          Severity.ERROR,
          "An alertmanager.keikoproj.io document with an unknown version or kind.");
  public static final Rule SCHEMA_REQUIRED =
      new Rule("schema/required", Severity.ERROR, "A required field is missing.");
  public static final Rule SCHEMA_UNKNOWN_FIELD =
      new Rule(
          "schema/unknown-field",
          Severity.ERROR,
          "A field the CRD does not define (the API server would drop it silently).");
  public static final Rule SCHEMA_TYPE =
      new Rule("schema/type", Severity.ERROR, "A value has the wrong type.");
  public static final Rule SCHEMA_ENUM =
      new Rule("schema/enum", Severity.ERROR, "A value is not one of the allowed values.");
  public static final Rule SCHEMA_RANGE =
      new Rule("schema/range", Severity.ERROR, "A number or length is out of its allowed range.");
  public static final Rule SCHEMA_EMPTY =
      new Rule(
          "schema/empty",
          Severity.ERROR,
          "A field that keikoproj requires non-empty is empty or blank.");
  public static final Rule SCHEMA_PATTERN =
      new Rule("schema/pattern", Severity.ERROR, "A value does not have the required form.");
  public static final Rule SCHEMA_INVALID =
      new Rule("schema/invalid", Severity.ERROR, "Another schema violation.");
  public static final Rule METADATA_NAMESPACE =
      new Rule(
          "metadata/missing-namespace",
          Severity.ERROR,
          "A document has no namespace and alertforge.yaml sets no defaultNamespace.");

  public static final Rule REFERENCE_UNKNOWN_TEMPLATE =
      new Rule(
          "reference/unknown-template",
          Severity.ERROR,
          "An AlertsConfig entry names a WavefrontAlert that does not exist in its namespace.");
  public static final Rule REFERENCE_STANDALONE =
      new Rule(
          "reference/standalone-template",
          Severity.ERROR,
          "An AlertsConfig entry names a standalone WavefrontAlert (one without exportedParams).");

  public static final Rule TEMPLATE_SYNTAX =
      new Rule("template/syntax", Severity.ERROR, "A template field is not valid template syntax.");
  public static final Rule TEMPLATE_EXECUTION =
      new Rule(
          "template/execution", Severity.ERROR, "A template failed while rendering an instance.");
  public static final Rule TEMPLATE_MISSING_PARAM =
      new Rule(
          "template/missing-param",
          Severity.ERROR,
          "An exported param has no value from the entry, globalParams or the template's defaults.");
  public static final Rule TEMPLATE_UNKNOWN_PARAM =
      new Rule(
          "template/unknown-param",
          Severity.ERROR,
          "A template uses a param that no source supplies (keikoproj would render it empty).");
  public static final Rule TEMPLATE_UNUSED_PARAM =
      new Rule(
          "template/unused-param", Severity.WARNING, "A supplied or exported param is never used.");
  public static final Rule TEMPLATE_NOT_A_TEMPLATE =
      new Rule(
          "template/not-a-template",
          Severity.WARNING,
          "A standalone WavefrontAlert contains {{ }}, which reaches Wavefront literally.");

  public static final Rule ALERT_DUPLICATE_NAME =
      new Rule(
          "alert/duplicate-name",
          Severity.ERROR,
          "Two rendered alerts have the same Wavefront alertName.");
  public static final Rule ALERT_DUPLICATE_RESOURCE =
      new Rule(
          "alert/duplicate-resource",
          Severity.ERROR,
          "Two objects of one kind have the same name in one namespace.");
  public static final Rule ALERT_MISSING_TYPE =
      new Rule(
          "alert/missing-alert-type",
          Severity.WARNING,
          "alertType is not set: keikoproj's controller rejects that, AlertForge renders CLASSIC.");
  public static final Rule ALERT_UNSUPPORTED_TYPE =
      new Rule(
          "alert/unsupported-alert-type",
          Severity.ERROR,
          "alertType THRESHOLD is not supported yet.");

  public static final List<Rule> ALL =
      List.of(
          YAML_SYNTAX,
          YAML_ENCODING,
          YAML_LIMIT,
          YAML_DUPLICATE_KEY,
          YAML_TAG,
          INPUT_IGNORED,
          INPUT_SYMLINK,
          INPUT_UNREADABLE,
          SCHEMA_API_VERSION,
          SCHEMA_REQUIRED,
          SCHEMA_UNKNOWN_FIELD,
          SCHEMA_TYPE,
          SCHEMA_ENUM,
          SCHEMA_RANGE,
          SCHEMA_EMPTY,
          SCHEMA_PATTERN,
          SCHEMA_INVALID,
          METADATA_NAMESPACE,
          REFERENCE_UNKNOWN_TEMPLATE,
          REFERENCE_STANDALONE,
          TEMPLATE_SYNTAX,
          TEMPLATE_EXECUTION,
          TEMPLATE_MISSING_PARAM,
          TEMPLATE_UNKNOWN_PARAM,
          TEMPLATE_UNUSED_PARAM,
          TEMPLATE_NOT_A_TEMPLATE,
          ALERT_DUPLICATE_NAME,
          ALERT_DUPLICATE_RESOURCE,
          ALERT_MISSING_TYPE,
          ALERT_UNSUPPORTED_TYPE);

  private Rules() {}
}
