package io.alertforge.controller;

import io.alertforge.controller.AdmissionFlags.Admission;
import io.alertforge.controller.GitSourceFlags.GitSource;
import java.util.Set;

/**
 * Every flag and file, checked: what {@link RunningParts} starts.
 *
 * @param git null without {@code --git-url}
 * @param admission null without the webhook's certificate and key
 */
record Configuration(
    AlertController.Settings controller,
    WavefrontConnection wavefront,
    GitSource git,
    Admission admission,
    int metricsPort,
    AsGiven asGiven) {

  /** The values of the start-up line, as the flags give them (in their order, their spelling). */
  record AsGiven(Set<String> namespaces, String drift, String resync) {}
}
