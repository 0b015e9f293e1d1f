package io.alertforge.compiler.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.diagnostic.SourcePosition;
import io.alertforge.model.ConcreteAlert;
import io.alertforge.model.OwnershipTag;
import io.alertforge.model.WavefrontAlertSpec;
import io.alertforge.model.WavefrontRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * One concrete WavefrontAlert, as it will be applied to the cluster and sent to Wavefront.
 *
 * @param origin where a problem with this alert is best fixed: the AlertsConfig entry of an
 *     instance, or the standalone alert's document
 * @param template the template's name, or null for a standalone alert
 * @param alertsConfig the AlertsConfig's name, or null for a standalone alert
 * @param fields the origin of each spec field by its path under spec ({@code condition}, {@code
 *     tags/0}), for findings on the rendered alert to point at their cause; empty when unknown
 * @param errors the errors of the compiler's stages that concern this alert (its sources' schema
 *     errors, template syntax, references, params, rendering), in report order; an alert with
 *     errors is rendered only as far as its valid fields go, is never written as a rendered file
 *     and is left out of {@code Compilation.alerts()}
 */
public record RenderedAlert(
    String namespace,
    String name,
    ObjectNode spec,
    SortedMap<String, String> labels,
    SortedMap<String, String> annotations,
    SourcePosition origin,
    String template,
    String alertsConfig,
    Map<String, FieldOrigin> fields,
    List<Diagnostic> errors) {

  public RenderedAlert {
    fields = Map.copyOf(fields);
    errors = errors.stream().sorted(Diagnostic.ORDER).toList();
  }

  /** True when no error concerns this alert: it rendered completely. */
  public boolean valid() {
    return errors.isEmpty();
  }

  /** The origin of a spec field ({@code condition}, {@code tags/0}), or null when unknown. */
  public FieldOrigin field(String path) {
    return fields.get(path);
  }

  /** True for an instance of a template, false for a standalone alert. */
  public boolean isInstance() {
    return template != null;
  }

  public String alertName() {
    return spec.path("alertName").asText();
  }

  public String qualifiedName() {
    return namespace + "/" + name;
  }

  /**
   * What Wavefront gets for this alert at {@code at} (alert-model's mapping, as the controller
   * sends it), without ownership tags; or why it cannot be sent. A rendered alert carries no {@code
   * alertforge.io/burn-in-until}, which the Git source stamps when it first applies the alert, so
   * this is the body outside burn-in.
   */
  public WavefrontRequest wavefrontRequest(Instant at) {
    return wavefrontRequest(alert -> WavefrontRequest.of(alert, at));
  }

  /** As {@link #wavefrontRequest(Instant)}, with the ownership tags of {@code cluster}. */
  public WavefrontRequest wavefrontRequest(Instant at, OwnershipTag cluster) {
    return wavefrontRequest(alert -> WavefrontRequest.of(alert, at, cluster));
  }

  private WavefrontRequest wavefrontRequest(Function<ConcreteAlert, WavefrontRequest> mapping) {
    WavefrontAlertSpec typed;
    try {
      typed = WavefrontAlertSpec.fromJson(spec);
    } catch (IllegalArgumentException e) {
      // the schema sets no maximum for alertCheckFrequency, the CR class holds an int
      return WavefrontRequest.refused(List.of(e.getMessage()));
    }
    return mapping.apply(new ConcreteAlert(namespace, name, typed, annotations));
  }
}
