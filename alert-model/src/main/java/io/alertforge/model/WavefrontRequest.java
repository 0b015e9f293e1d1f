package io.alertforge.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Wavefront alert a concrete {@code WavefrontAlert} asks for at an instant: the body of the
 * create and update requests, or the reasons it cannot be sent. keikoproj's mapping
 * (keikoproj-alert-manager.md §1.7: {@code alertName}→{@code name}, {@code
 * alertCheckFrequency}→{@code processRateMinutes}, ...) with burn-in ({@link BurnInWindow}) and the
 * ownership tags; the only place that maps keikoproj's fields to Wavefront's. A THRESHOLD alert
 * (AlertForge's extension) is sent as wavefront-api.md §3.2 shows: {@code conditions} and {@code
 * targets} per lower-case severity, {@code condition} equal to {@code displayExpression}, no {@code
 * severity} (Wavefront derives it).
 *
 * @param body the request body (null when the alert cannot be sent)
 * @param errors why it cannot be sent (empty when it can)
 */
public record WavefrontRequest(ObjectNode body, List<String> errors) {

  public WavefrontRequest {
    errors = List.copyOf(errors);
    if ((body == null) == errors.isEmpty()) {
      throw new IllegalArgumentException("a request has a body or errors, not both or neither");
    }
  }

  /** A request that cannot be sent, for these reasons. */
  public static WavefrontRequest refused(List<String> errors) {
    return new WavefrontRequest(null, errors);
  }

  public boolean valid() {
    return errors.isEmpty();
  }

  /** The Wavefront alert's name. */
  public String name() {
    return body.path("name").asText();
  }

  /** The request without ownership tags: what any controller sending {@code alert} would send. */
  public static WavefrontRequest of(ConcreteAlert alert, Instant at) {
    return of(alert, at, List.of());
  }

  /** The request AlertForge's controller in {@code cluster} sends: with the ownership tags. */
  public static WavefrontRequest of(ConcreteAlert alert, Instant at, OwnershipTag cluster) {
    return of(
        alert,
        at,
        List.of(cluster.clusterTag(), cluster.ownerTag(alert.namespace(), alert.name())));
  }

  /*
   * The checks are those the WavefrontAlert CRD cannot express (schemas/, which only requires
   * fields, types and alertType's enum), so the API server lets them through; each says why it
   * matters. A required field the CRD guarantees reads as empty when null, so an object no API
   * server validated (on a test's mock) is refused rather than crashing the reconcile.
   */
  private static WavefrontRequest of(ConcreteAlert alert, Instant at, List<String> ownershipTags) {
    WavefrontAlertSpec spec = BurnInWindow.effective(alert, at);
    if (spec == null) {
      return refused(List.of("spec is missing")); // the CRD does not require a spec
    }
    List<String> errors = new ArrayList<>();
    // the CRD requires these but accepts "": Wavefront needs a name, and keikoproj's controller
    // refuses an alert without a display expression
    requireText(errors, spec.getAlertName(), "alertName must not be empty");
    requireText(errors, spec.getDisplayExpression(), "displayExpression must not be empty");
    // the CRD sets no minimum; Wavefront needs a positive duration
    requirePositive(errors, spec.getMinutes(), "minutes must be greater than 0");
    requirePositive(
        errors, spec.getResolveAfterMinutes(), "resolveAfterMinutes must be greater than 0");
    // 0 leaves Wavefront's default; there is no negative rate
    if (spec.getAlertCheckFrequency() != null && spec.getAlertCheckFrequency() < 0) {
      errors.add("alertCheckFrequency must not be negative");
    }
    // alertType is one of the CRD's enum, or unset: keikoproj's default applies
    String type = spec.getAlertType() == null ? AlertType.CLASSIC.name() : spec.getAlertType();
    boolean threshold = type.equals(AlertType.THRESHOLD.name());
    Optional<Severity> wavefrontSeverity = Optional.empty();
    Map<Severity, String> conditions = new EnumMap<>(Severity.class);
    Map<Severity, String> targets = new EnumMap<>(Severity.class);
    if (threshold) {
      // Wavefront's THRESHOLD alert: a condition per severity; its condition is its display
      // expression and its severity the highest key, so a single one would be ignored
      perSeverity(errors, "conditions", spec.getConditions(), conditions, true);
      if (conditions.isEmpty() && errors.stream().noneMatch(e -> e.startsWith("conditions"))) {
        errors.add("alertType THRESHOLD needs conditions, one per severity");
      }
      perSeverity(errors, "targets", spec.getTargets(), targets, false);
      refuseSet(errors, spec.getCondition(), "condition", "conditions");
      refuseSet(errors, spec.getSeverity(), "severity", "the keys of conditions");
      refuseSet(errors, spec.getTarget(), "target", "targets");
    } else {
      requireText(errors, spec.getCondition(), "condition must not be empty");
      // a free string in the CRD; Wavefront knows four
      String severity = text(spec.getSeverity());
      wavefrontSeverity = Severity.ofAnyCase(severity);
      if (wavefrontSeverity.isEmpty()) {
        errors.add(
            "severity must be one of " + Severity.keikoprojList() + ", got '" + severity + "'");
      }
      if (spec.getConditions() != null && !spec.getConditions().isEmpty()
          || spec.getTargets() != null && !spec.getTargets().isEmpty()) {
        errors.add("conditions and targets are for alertType THRESHOLD only");
      }
    }
    Set<String> tags = new LinkedHashSet<>();
    if (spec.getTags() != null) {
      for (String t : spec.getTags()) {
        // no schema can say it: a CR's tag must not claim another CR's alert
        if (t != null && OwnershipTag.isReserved(t.trim())) {
          errors.add("tag '" + t + "' is reserved for the controller's ownership tags");
        } else if (t != null && !t.isBlank()) {
          tags.add(t.trim());
        }
      }
    }
    if (!errors.isEmpty()) {
      return refused(errors);
    }
    tags.addAll(ownershipTags);

    ObjectNode b = JsonNodeFactory.instance.objectNode();
    b.put("name", spec.getAlertName().trim());
    b.put("alertType", type);
    if (threshold) {
      // what Wavefront keeps for a THRESHOLD alert (wavefront-api.md §6.1)
      b.put("condition", spec.getDisplayExpression().trim());
      b.put("displayExpression", spec.getDisplayExpression().trim());
      ObjectNode c = b.putObject("conditions");
      conditions.forEach((severity, condition) -> c.put(severity.keikoproj(), condition));
    } else {
      b.put("condition", spec.getCondition().trim());
      b.put("displayExpression", spec.getDisplayExpression().trim());
      b.put("severity", wavefrontSeverity.get().wavefront());
    }
    b.put("minutes", spec.getMinutes());
    b.put("resolveAfterMinutes", spec.getResolveAfterMinutes());
    if (spec.getAlertCheckFrequency() != null && spec.getAlertCheckFrequency() > 0) {
      b.put("processRateMinutes", spec.getAlertCheckFrequency());
    }
    if (spec.getTarget() != null && !spec.getTarget().isBlank()) {
      b.put("target", spec.getTarget().trim());
    }
    if (!targets.isEmpty()) {
      ObjectNode t = b.putObject("targets");
      targets.forEach((severity, target) -> t.put(severity.keikoproj(), target));
    }
    b.put("additionalInformation", text(spec.getAdditionalInformation()));
    ArrayNode customerTags = b.putObject("tags").putArray("customerTags");
    tags.forEach(customerTags::add);
    return new WavefrontRequest(b, List.of());
  }

  private static String text(String value) {
    return value == null ? "" : value.trim();
  }

  private static void requireText(List<String> errors, String value, String message) {
    if (value == null || value.isBlank()) {
      errors.add(message);
    }
  }

  /**
   * Reads a map keyed by lower-case severity into {@code out} (severity order, values trimmed,
   * blank values left out unless {@code valuesRequired}, which refuses them).
   */
  private static void perSeverity(
      List<String> errors,
      String field,
      Map<String, String> values,
      Map<Severity, String> out,
      boolean valuesRequired) {
    if (values == null) {
      return;
    }
    values.forEach(
        (key, value) -> {
          Optional<Severity> severity = Severity.ofKeikoproj(key);
          if (severity.isEmpty()) {
            errors.add(
                field + " key must be one of " + Severity.keikoprojList() + ", got '" + key + "'");
          } else if (value != null && !value.isBlank()) {
            out.put(severity.get(), value.trim());
          } else if (valuesRequired) {
            errors.add(field + "." + key + " must not be empty");
          }
        });
  }

  private static void refuseSet(List<String> errors, String value, String field, String instead) {
    if (value != null && !value.isBlank()) {
      errors.add(field + " is not used by alertType THRESHOLD; use " + instead);
    }
  }

  private static void requirePositive(List<String> errors, Integer value, String message) {
    if (value == null || value <= 0) {
      errors.add(message);
    }
  }
}
