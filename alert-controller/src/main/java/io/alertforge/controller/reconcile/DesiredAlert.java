package io.alertforge.controller.reconcile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.model.RenamedFrom;
import io.alertforge.model.WavefrontRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The Wavefront alert a CR asks for: the model's request body ({@link WavefrontRequest}, with the
 * ownership tags and burn-in), and its projection, which the sync compares with the live alert; or
 * the reasons the spec cannot be sent.
 *
 * @param body the request body for create and update (null when invalid)
 * @param errors why the spec is malformed (empty when valid)
 * @param renamedFrom the name this CR had before in its namespace ({@code
 *     alertforge.io/renamed-from}), whose Wavefront alert it takes over instead of creating one;
 *     null when it has none. An annotation that is no such name is one of the errors.
 */
public record DesiredAlert(
    ObjectNode body, AlertProjection projection, List<String> errors, String renamedFrom) {

  public static DesiredAlert of(WavefrontRequest request) {
    return of(request, null);
  }

  /**
   * @param renamedFrom the CR's annotation, read (null: none)
   */
  public static DesiredAlert of(WavefrontRequest request, RenamedFrom renamedFrom) {
    List<String> errors = new ArrayList<>(request.valid() ? List.of() : request.errors());
    if (renamedFrom != null && !renamedFrom.valid()) {
      errors.add(renamedFrom.problem());
    }
    return errors.isEmpty()
        ? new DesiredAlert(
            request.body(),
            AlertProjection.of(request.body()),
            List.of(),
            renamedFrom == null ? null : renamedFrom.oldName())
        : new DesiredAlert(null, null, List.copyOf(errors), null);
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
