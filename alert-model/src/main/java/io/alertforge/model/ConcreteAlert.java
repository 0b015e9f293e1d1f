package io.alertforge.model;

import java.util.Map;

/**
 * A concrete (non-template) {@code WavefrontAlert}: what decides the Wavefront alert it becomes. A
 * CR in the cluster, or an alert the compiler rendered.
 *
 * @param spec the spec (null when the object has none: the CRD does not require one)
 * @param annotations its annotations (burn-in reads them); null reads as none
 */
public record ConcreteAlert(
    String namespace, String name, WavefrontAlertSpec spec, Map<String, String> annotations) {

  public ConcreteAlert {
    annotations = annotations == null ? Map.of() : annotations;
  }
}
