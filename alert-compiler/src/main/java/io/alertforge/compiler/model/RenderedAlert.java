package io.alertforge.compiler.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.compiler.diagnostic.SourcePosition;
import java.util.Map;
import java.util.SortedMap;

/**
 * One concrete WavefrontAlert, as it will be applied to the cluster and sent to Wavefront.
 *
 * @param origin where a problem with this alert is best fixed: the AlertsConfig entry of an
 *     instance, or the standalone alert's document
 * @param template the template's name, or null for a standalone alert
 * @param alertsConfig the AlertsConfig's name, or null for a standalone alert
 * @param fields the origin of each spec field by its path under spec ({@code condition}, {@code
 *     tags/0}), for findings on the rendered alert to point at their cause; empty when unknown
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
    Map<String, FieldOrigin> fields) {

  public RenderedAlert {
    fields = Map.copyOf(fields);
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
}
