package io.alertforge.compiler.diff;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.diff.AlertChange.Kind;
import io.alertforge.compiler.model.RenderedAlert;
import io.alertforge.model.Annotations;
import io.alertforge.wql.QueryDelta;

/**
 * {@code diff.json}: the complete change, never truncated; documented in {@code docs/diff-json.md}.
 * Its shape is an interface: add fields, never change or remove them without raising {@code
 * schemaVersion}. Values are redacted as in the Markdown.
 */
public final class DiffJson {

  public static final int SCHEMA_VERSION = 1;

  private DiffJson() {}

  public static ObjectNode of(AlertDiff diff) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode root = json.objectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("summary", diff.summaryLine());
    ObjectNode counts = root.putObject("counts");
    for (Kind kind : Kind.values()) {
      counts.put(kind.label(), diff.count(kind));
    }
    counts.put("recreated", diff.recreated());
    counts.put("namespaces", diff.namespaces().size());
    counts.put("withErrors", diff.withErrors().size());
    side(root.putObject("base"), diff.base(), diff.baseAlerts(), diff.baseErrors());
    side(root.putObject("head"), diff.head(), diff.headAlerts(), diff.headErrors());
    ArrayNode notes = root.putArray("notes");
    diff.notes().forEach(notes::add);

    ArrayNode changes = root.putArray("changes");
    for (AlertChange change : diff.changes()) {
      ObjectNode node = changes.addObject();
      node.put("kind", change.kind().label());
      node.put("namespace", change.current().namespace());
      node.put("name", change.current().name());
      if (change.kind() == Kind.MOVED) {
        node.put("fromNamespace", change.before().namespace());
        node.put("fromName", change.before().name());
        node.put("recreated", change.recreated());
      }
      RenderedAlert alert = change.current();
      node.put("alertName", Redaction.text(alert.alertName()));
      node.put("source", alert.annotations().get(Annotations.SOURCE));
      node.put("template", alert.template());
      node.put("templateSource", alert.annotations().get(Annotations.TEMPLATE_SOURCE));
      node.put("alertsConfig", alert.alertsConfig());
      if (change.kind() == Kind.CREATED || change.kind() == Kind.DELETED) {
        node.set("spec", Redaction.json(alert.spec()));
      }
      if (change.kind() == Kind.CREATED
          && alert.annotations().containsKey(Annotations.BURN_IN_PERIOD)) {
        node.putObject("burnIn")
            .put("period", alert.annotations().get(Annotations.BURN_IN_PERIOD))
            .put("target", alert.annotations().get(Annotations.BURN_IN_TARGET));
      }
      ArrayNode errors = node.putArray("errors");
      change.errors().forEach(d -> finding(errors.addObject(), d));
      ArrayNode fields = node.putArray("fields");
      for (FieldChange field : change.fields()) {
        ObjectNode entry =
            fields
                .addObject()
                .put("field", field.field())
                .put("summary", field.summary())
                .<ObjectNode>set("before", field.before())
                .set("after", field.after());
        if (!field.deltas().isEmpty()) {
          ArrayNode deltas = entry.putArray("deltas");
          field.deltas().forEach(d -> delta(deltas.addObject(), d));
        }
      }
    }

    ArrayNode sources = root.putArray("sources");
    for (SourceImpact impact : diff.sources()) {
      sources
          .addObject()
          .put("file", impact.file())
          .put("role", impact.role())
          .put("alerts", impact.alerts())
          .put("alertsConfigs", impact.alertsConfigs())
          .put("namespaces", impact.namespaces());
    }

    ArrayNode patterns = root.putArray("patterns");
    for (ChangePattern pattern : diff.patterns()) {
      ObjectNode node = patterns.addObject().put("summary", pattern.summary());
      ArrayNode alerts = node.putArray("alerts");
      pattern.alerts().forEach(a -> alerts.add(a.qualifiedName()));
    }

    ArrayNode findings = root.putArray("findings");
    for (TouchedFinding finding : diff.findings()) {
      finding(findings.addObject().put("new", finding.isNew()), finding.diagnostic());
    }
    return root;
  }

  private static void finding(ObjectNode node, Diagnostic d) {
    node.put("file", d.position().file())
        .put("line", d.position().line())
        .put("column", d.position().column())
        .put("severity", d.severity().label())
        .put("rule", d.rule())
        .put("message", Redaction.text(d.message()));
  }

  /** One query delta: its type, its words, and the values it names (redacted). */
  private static void delta(ObjectNode node, QueryDelta delta) {
    node.put("type", type(delta)).put("summary", Redaction.text(delta.describe()));
    if (delta instanceof QueryDelta.Threshold t) {
      node.put("operator", t.operator()).put("from", t.from()).put("to", t.to());
      if (t.metric() != null) {
        node.put("metric", t.metric());
      }
    } else if (delta instanceof QueryDelta.Operator o) {
      node.put("from", o.from()).put("to", o.to());
    } else if (delta instanceof QueryDelta.FilterChanged f) {
      node.put("key", f.key())
          .put("from", Redaction.text(f.from()))
          .put("to", Redaction.text(f.to()));
    } else if (delta instanceof QueryDelta.FilterAdded f) {
      node.put("filter", Redaction.text(f.filter()));
    } else if (delta instanceof QueryDelta.FilterRemoved f) {
      node.put("filter", Redaction.text(f.filter()));
    } else if (delta instanceof QueryDelta.MetricRenamed m) {
      node.put("from", m.from()).put("to", m.to());
    } else if (delta instanceof QueryDelta.FunctionChanged f) {
      node.put("from", f.from()).put("to", f.to());
    } else if (delta instanceof QueryDelta.WindowChanged w) {
      node.put("function", w.function()).put("from", w.from()).put("to", w.to());
    } else if (delta instanceof QueryDelta.Structural q) {
      node.put("from", Redaction.text(q.before())).put("to", Redaction.text(q.after()));
    }
  }

  /** {@code threshold}, {@code filter-changed}, ...: the delta's record name in kebab case. */
  private static String type(QueryDelta delta) {
    return delta
        .getClass()
        .getSimpleName()
        .replaceAll("([a-z])([A-Z])", "$1-$2")
        .toLowerCase(java.util.Locale.ROOT);
  }

  private static void side(ObjectNode node, String label, int alerts, long errors) {
    node.put("label", label).put("alerts", alerts).put("errors", errors);
  }
}
