package io.alertforge.controller.reconcile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.model.WavefrontRequest;
import java.util.List;

/**
 * The Wavefront alert a CR asks for: the model's request body ({@link WavefrontRequest}, with the
 * ownership tags and burn-in), and its projection, which the sync compares with the live alert; or
 * the reasons the spec cannot be sent.
 *
 * @param body the request body for create and update (null when invalid)
 * @param errors why the spec is malformed (empty when valid)
 */
public record DesiredAlert(ObjectNode body, AlertProjection projection, List<String> errors) {

  public static DesiredAlert of(WavefrontRequest request) {
    return request.valid()
        ? new DesiredAlert(request.body(), AlertProjection.of(request.body()), List.of())
        : new DesiredAlert(null, null, request.errors());
  }

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
}
