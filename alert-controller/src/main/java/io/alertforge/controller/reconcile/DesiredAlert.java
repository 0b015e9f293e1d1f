package io.alertforge.controller.reconcile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.controller.crd.WavefrontAlertSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Wavefront alert a {@code WavefrontAlert} spec asks for (keikoproj's mapping, §1.7), with the
 * ownership tags added, or the reasons the spec cannot be sent.
 *
 * @param body the request body for create and update (null when invalid)
 * @param errors why the spec is malformed (empty when valid)
 */
public record DesiredAlert(ObjectNode body, AlertProjection projection, List<String> errors) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> SEVERITIES = Set.of("SEVERE", "WARN", "INFO", "SMOKE");

  public boolean valid() {
    return errors.isEmpty();
  }

  /** The Wavefront alert's name. */
  public String name() {
    return body.path("name").asText();
  }

  public String checksum() {
    return projection.checksum();
  }

  public static DesiredAlert of(WavefrontAlertSpec spec, String clusterTag, String ownerTag) {
    List<String> errors = new ArrayList<>();
    if (spec == null) {
      return new DesiredAlert(null, null, List.of("spec is missing"));
    }
    String type =
        spec.getAlertType() == null || spec.getAlertType().isBlank()
            ? "CLASSIC"
            : spec.getAlertType().trim().toUpperCase(Locale.ROOT);
    require(errors, spec.getAlertName(), "alertName must not be empty");
    require(errors, spec.getDisplayExpression(), "displayExpression must not be empty");
    if (spec.getMinutes() == null || spec.getMinutes() <= 0) {
      errors.add("minutes must be greater than 0");
    }
    if (spec.getResolveAfterMinutes() == null || spec.getResolveAfterMinutes() <= 0) {
      errors.add("resolveAfterMinutes must be greater than 0");
    }
    if (spec.getAlertCheckFrequency() != null && spec.getAlertCheckFrequency() < 0) {
      errors.add("alertCheckFrequency must not be negative");
    }
    switch (type) {
      case "CLASSIC" -> {
        require(errors, spec.getCondition(), "condition must not be empty");
        String sev = spec.getSeverity() == null ? "" : spec.getSeverity().trim();
        if (!SEVERITIES.contains(sev.toUpperCase(Locale.ROOT))) {
          errors.add("severity must be one of severe, warn, info, smoke, got '" + sev + "'");
        }
      }
      case "THRESHOLD" ->
          errors.add(
              "alertType THRESHOLD needs per-severity conditions, which the WavefrontAlert CRD"
                  + " cannot express; use CLASSIC");
      default -> errors.add("invalid alert type: " + spec.getAlertType());
    }
    Set<String> tags = new LinkedHashSet<>();
    if (spec.getTags() != null) {
      for (String t : spec.getTags()) {
        if (t != null && OwnershipTag.isReserved(t.trim())) {
          errors.add("tag '" + t + "' is reserved for the controller's ownership tags");
        } else if (t != null && !t.isBlank()) {
          tags.add(t.trim());
        }
      }
    }
    if (!errors.isEmpty()) {
      return new DesiredAlert(null, null, List.copyOf(errors));
    }
    tags.add(clusterTag);
    tags.add(ownerTag);

    ObjectNode b = JSON.createObjectNode();
    b.put("name", spec.getAlertName().trim());
    b.put("alertType", type);
    b.put("condition", spec.getCondition().trim());
    b.put("displayExpression", spec.getDisplayExpression().trim());
    b.put("severity", spec.getSeverity().trim().toUpperCase(Locale.ROOT));
    b.put("minutes", spec.getMinutes());
    b.put("resolveAfterMinutes", spec.getResolveAfterMinutes());
    if (spec.getAlertCheckFrequency() != null && spec.getAlertCheckFrequency() > 0) {
      b.put("processRateMinutes", spec.getAlertCheckFrequency());
    }
    if (spec.getTarget() != null && !spec.getTarget().isBlank()) {
      b.put("target", spec.getTarget().trim());
    }
    b.put(
        "additionalInformation",
        spec.getAdditionalInformation() == null ? "" : spec.getAdditionalInformation().trim());
    ArrayNode customerTags = b.putObject("tags").putArray("customerTags");
    tags.forEach(customerTags::add);
    return new DesiredAlert(b, AlertProjection.of(b), List.of());
  }

  private static void require(List<String> errors, String value, String message) {
    if (value == null || value.isBlank()) {
      errors.add(message);
    }
  }
}
