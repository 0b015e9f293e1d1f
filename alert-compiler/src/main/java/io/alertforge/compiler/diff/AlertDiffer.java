package io.alertforge.compiler.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.alertforge.compiler.Compilation;
import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.compiler.diff.AlertChange.Kind;
import io.alertforge.compiler.model.RenderedAlert;
import io.alertforge.model.Annotations;
import io.alertforge.model.KeikoprojApi;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares two compilations of an alert repository, alert by alert (identity: namespace and name).
 * A pure function: equal inputs give equal diffs. Specs are compared by their hash first, so only
 * the alerts that differ are compared field by field. The alerts with errors of either side take
 * part ({@link Compilation#invalidAlerts()}), as far as they rendered: an alert with errors in the
 * head is created or changed (or moved, when an annotated rename names it), marked with its errors,
 * rather than missing from the diff.
 */
public final class AlertDiffer {

  private AlertDiffer() {}

  /**
   * @param changedFiles the source files (relative to the alert repository) whose content differs
   *     between the two sides, for the blast radius and the findings
   * @param notes what the reader must know about how the sides were obtained
   */
  public static AlertDiff diff(
      String baseLabel,
      Compilation base,
      String headLabel,
      Compilation head,
      Set<String> changedFiles,
      List<String> notes) {
    Map<String, RenderedAlert> before = byIdentity(base);
    Map<String, RenderedAlert> after = byIdentity(head);
    List<AlertChange> changes = new ArrayList<>();
    List<RenderedAlert> created = new ArrayList<>();
    List<RenderedAlert> deleted = new ArrayList<>();
    for (RenderedAlert old : before.values()) {
      RenderedAlert now = after.get(old.qualifiedName());
      if (now == null) {
        deleted.add(old);
      } else if (!hash(old).equals(hash(now))
          || !old.labels().equals(now.labels())
          || old.valid() != now.valid()) {
        changes.add(new AlertChange(Kind.CHANGED, old, now, fields(old, now)));
      }
    }
    for (RenderedAlert now : after.values()) {
      if (!before.containsKey(now.qualifiedName())) {
        created.add(now);
      }
    }
    List<String> allNotes = new ArrayList<>(notes);
    pairRenames(created, deleted, before, changes, allNotes);
    pairMoves(created, deleted, changes);
    created.forEach(a -> changes.add(new AlertChange(Kind.CREATED, null, a, List.of())));
    deleted.forEach(a -> changes.add(new AlertChange(Kind.DELETED, a, null, List.of())));
    changes.sort(
        Comparator.comparing((AlertChange c) -> c.current().namespace())
            .thenComparing(c -> c.current().name()));

    if (base.hasErrors()) {
      allNotes.add(
          "The base has "
              + base.count(Severity.ERROR)
              + " error(s), so some of its alerts did not render, or only in part: those that did"
              + " not render are compared as absent, and show here as created.");
    }
    return new AlertDiff(
        baseLabel,
        headLabel,
        base.alerts().size(),
        head.alerts().size(),
        base.count(Severity.ERROR),
        head.count(Severity.ERROR),
        List.copyOf(changes),
        impacts(changes, changedFiles),
        patterns(changes),
        findings(base, head, changes, changedFiles),
        List.copyOf(allNotes));
  }

  /** A side's alerts, those with errors included, by identity. */
  private static Map<String, RenderedAlert> byIdentity(Compilation side) {
    Map<String, RenderedAlert> map = new LinkedHashMap<>();
    side.alerts().forEach(a -> map.putIfAbsent(a.qualifiedName(), a));
    side.invalidAlerts().forEach(a -> map.putIfAbsent(a.qualifiedName(), a));
    return map;
  }

  private static String hash(RenderedAlert alert) {
    return alert.annotations().get(Annotations.SPEC_HASH);
  }

  /**
   * A created alert annotated {@code alertforge.io/renamed-from: <old>} and the deleted alert
   * {@code <old>} of its namespace are one alert, renamed, whose Wavefront alert the controller
   * keeps (its spec may change too). The pair is made by name alone, so it holds for alerts with
   * errors too: the annotation says which alert it was, whatever its spec. An annotation that names
   * no deleted alert is said in a note: the controller then creates a new alert.
   */
  private static void pairRenames(
      List<RenderedAlert> created,
      List<RenderedAlert> deleted,
      Map<String, RenderedAlert> before,
      List<AlertChange> changes,
      List<String> notes) {
    for (RenderedAlert now : List.copyOf(created)) {
      String from = now.annotations().get(Annotations.RENAMED_FROM);
      if (from == null) {
        continue;
      }
      String oldName = now.namespace() + "/" + from;
      RenderedAlert old =
          deleted.stream().filter(d -> d.qualifiedName().equals(oldName)).findFirst().orElse(null);
      if (old != null) {
        deleted.remove(old);
        created.remove(now);
        changes.add(new AlertChange(Kind.MOVED, old, now, fields(old, now), false));
      } else if (!before.containsKey(oldName)) {
        notes.add(
            now.qualifiedName()
                + " is annotated "
                + Annotations.RENAMED_FROM
                + ": "
                + from
                + ", but the base has no alert "
                + oldName
                + ": there is no Wavefront alert to keep, so the controller creates a new one.");
      }
    }
  }

  /**
   * A deleted and a created alert with the same spec and labels are one alert, renamed; not when
   * either has errors, since its spec is only in part. The controller owns a Wavefront alert by the
   * CR's namespace and name, so such a rename deletes the Wavefront alert and creates another:
   * shown as a move, counted as a deletion.
   */
  private static void pairMoves(
      List<RenderedAlert> created, List<RenderedAlert> deleted, List<AlertChange> changes) {
    Map<String, List<RenderedAlert>> deletedByHash = new HashMap<>();
    deleted.stream()
        .filter(RenderedAlert::valid)
        .forEach(d -> deletedByHash.computeIfAbsent(hash(d), h -> new ArrayList<>()).add(d));
    Set<RenderedAlert> moved = new HashSet<>();
    for (RenderedAlert now : List.copyOf(created)) {
      if (!now.valid()) {
        continue;
      }
      List<RenderedAlert> candidates = deletedByHash.getOrDefault(hash(now), List.of());
      RenderedAlert old =
          candidates.stream()
              .filter(c -> !moved.contains(c))
              .min(Comparator.comparing((RenderedAlert c) -> !c.labels().equals(now.labels())))
              .orElse(null);
      if (old != null) {
        moved.add(old);
        created.remove(now);
        changes.add(new AlertChange(Kind.MOVED, old, now, fields(old, now), true));
      }
    }
    deleted.removeAll(moved);
  }

  /**
   * The spec fields and labels that differ. A field that a side with errors lacks is not compared:
   * it did not render, so its value is unknown rather than absent.
   */
  private static List<FieldChange> fields(RenderedAlert old, RenderedAlert now) {
    List<FieldChange> fields = new ArrayList<>();
    if (!hash(old).equals(hash(now))) {
      Set<String> names = new LinkedHashSet<>();
      old.spec().fieldNames().forEachRemaining(names::add);
      now.spec().fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode a = old.spec().get(name);
        JsonNode b = now.spec().get(name);
        boolean unknown = (a == null && !old.valid()) || (b == null && !now.valid());
        if (unknown || Objects.equals(a, b)) {
          continue;
        }
        if (isMap(a) && isMap(b) || isMap(a) && b == null || a == null && isMap(b)) {
          // THRESHOLD's per-severity maps change severity by severity: conditions.severe
          Set<String> keys = new LinkedHashSet<>();
          if (a != null) {
            a.fieldNames().forEachRemaining(keys::add);
          }
          if (b != null) {
            b.fieldNames().forEachRemaining(keys::add);
          }
          for (String key : keys) {
            JsonNode before = a == null ? null : a.get(key);
            JsonNode after = b == null ? null : b.get(key);
            if (!Objects.equals(before, after)) {
              fields.add(FieldSummaries.of(name + "." + key, before, after));
            }
          }
        } else {
          fields.add(FieldSummaries.of(name, a, b));
        }
      }
    }
    Set<String> labels = new TreeSet<>(old.labels().keySet());
    labels.addAll(now.labels().keySet());
    for (String label : labels) {
      String a = old.labels().get(label);
      String b = now.labels().get(label);
      if (!Objects.equals(a, b)) {
        fields.add(
            FieldSummaries.of(
                "metadata.labels." + label,
                a == null ? null : TextNode.valueOf(a),
                b == null ? null : TextNode.valueOf(b)));
      }
    }
    return List.copyOf(fields);
  }

  private static boolean isMap(JsonNode node) {
    return node != null && node.isObject();
  }

  /**
   * Changed alerts grouped: the instances of one template by the kind of each field's change (the
   * same template edit, thresholds set to different values, are one group); other alerts by equal
   * change. The largest group first.
   */
  private static List<ChangePattern> patterns(List<AlertChange> changes) {
    Map<List<String>, List<AlertChange>> groups = new LinkedHashMap<>();
    for (AlertChange change : changes) {
      if (change.kind() == Kind.CHANGED) {
        String template = change.after().annotations().get(Annotations.TEMPLATE_SOURCE);
        List<String> key = new ArrayList<>();
        key.add(template == null ? "" : template + "\u0000" + change.after().template());
        change.fields().stream()
            .map(template == null ? FieldChange::pattern : FieldChange::kind)
            .forEach(key::add);
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(change);
      }
    }
    List<ChangePattern> patterns = new ArrayList<>();
    groups
        .values()
        .forEach(g -> patterns.add(new ChangePattern(g.get(0).fields(), List.copyOf(g))));
    patterns.sort(Comparator.comparing((ChangePattern p) -> -p.alerts().size()));
    return List.copyOf(patterns);
  }

  /** The source files of an alert, relative to the alert repository. */
  private static List<String> files(RenderedAlert alert) {
    List<String> files = new ArrayList<>(2);
    if (alert != null) {
      files.add(alert.annotations().get(Annotations.SOURCE));
      String template = alert.annotations().get(Annotations.TEMPLATE_SOURCE);
      if (template != null) {
        files.add(template);
      }
    }
    return files;
  }

  private static List<SourceImpact> impacts(List<AlertChange> changes, Set<String> changedFiles) {
    Map<String, List<AlertChange>> byFile = new TreeMap<>();
    changedFiles.forEach(f -> byFile.put(f, new ArrayList<>()));
    for (AlertChange change : changes) {
      Set<String> files = new HashSet<>(files(change.before()));
      files.addAll(files(change.after()));
      for (String file : files) {
        List<AlertChange> touched = byFile.get(file);
        if (touched != null) {
          touched.add(change);
        }
      }
    }
    List<SourceImpact> impacts = new ArrayList<>();
    byFile.forEach(
        (file, touched) -> {
          Set<String> roles = new TreeSet<>(Comparator.reverseOrder());
          Set<String> configs = new HashSet<>();
          Set<String> namespaces = new HashSet<>();
          for (AlertChange change : touched) {
            for (RenderedAlert alert : new RenderedAlert[] {change.before(), change.after()}) {
              if (alert == null) {
                continue;
              }
              namespaces.add(alert.namespace());
              if (alert.alertsConfig() != null) {
                configs.add(alert.namespace() + "/" + alert.alertsConfig());
              }
              if (file.equals(alert.annotations().get(Annotations.TEMPLATE_SOURCE))) {
                roles.add("template");
              }
              if (file.equals(alert.annotations().get(Annotations.SOURCE))) {
                roles.add(
                    alert.alertsConfig() != null
                        ? KeikoprojApi.ALERTS_CONFIG_KIND
                        : KeikoprojApi.WAVEFRONT_ALERT_KIND);
              }
            }
          }
          impacts.add(
              new SourceImpact(
                  file,
                  roles.isEmpty() ? "other" : String.join(" + ", roles),
                  touched.size(),
                  configs.size(),
                  namespaces.size()));
        });
    return List.copyOf(impacts);
  }

  /** Head findings in changed files and in the files of changed alerts; new unless on the base. */
  private static List<TouchedFinding> findings(
      Compilation base, Compilation head, List<AlertChange> changes, Set<String> changedFiles) {
    Set<String> files = new HashSet<>(changedFiles);
    for (AlertChange change : changes) {
      files.addAll(files(change.before()));
      files.addAll(files(change.after()));
    }
    Map<String, Integer> onBase = new HashMap<>();
    for (Diagnostic d : base.diagnostics()) {
      onBase.merge(key(d), 1, Integer::sum);
    }
    List<TouchedFinding> findings = new ArrayList<>();
    for (Diagnostic d : head.diagnostics()) {
      if (files.contains(d.position().file())) {
        Integer left = onBase.get(key(d));
        boolean isNew = left == null || left == 0;
        if (!isNew) {
          onBase.put(key(d), left - 1);
        }
        findings.add(new TouchedFinding(d, isNew));
      }
    }
    findings.sort(
        Comparator.comparing((TouchedFinding f) -> !f.isNew())
            .thenComparing(f -> f.diagnostic().severity(), Comparator.reverseOrder())
            .thenComparing(TouchedFinding::diagnostic, Diagnostic.ORDER));
    return List.copyOf(findings);
  }

  private static String key(Diagnostic d) {
    return d.position().file() + "\u0000" + d.rule() + "\u0000" + d.message();
  }
}
