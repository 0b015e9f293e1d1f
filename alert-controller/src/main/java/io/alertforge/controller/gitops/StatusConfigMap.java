package io.alertforge.controller.gitops;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The Git source's status ConfigMap ({@code alertforge-git-status}): what every sync reports, the
 * prune history the guard counts, and the applied commit's policy for every replica's admission
 * webhook. A write merges its keys into it, so a key it does not name stays.
 */
final class StatusConfigMap {
  private final KubernetesClient client;
  private final GitSourceSettings settings;

  StatusConfigMap(KubernetesClient client, GitSourceSettings settings) {
    this.client = client;
    this.settings = settings;
  }

  /** As messages name it: {@code the status ConfigMap <namespace>/<name>}. */
  String description() {
    return "the status ConfigMap " + settings.statusNamespace() + "/" + settings.statusName();
  }

  /** The ConfigMap as the subject of its events. */
  ConfigMap reference() {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(settings.statusName())
        .withNamespace(settings.statusNamespace())
        .endMetadata()
        .build();
  }

  /**
   * Its data; empty when there is none yet.
   *
   * @throws KubernetesClientException when it cannot be read
   */
  Map<String, String> data() {
    ConfigMap cm =
        client
            .configMaps()
            .inNamespace(settings.statusNamespace())
            .withName(settings.statusName())
            .get();
    return cm == null || cm.getData() == null ? Map.of() : cm.getData();
  }

  /** The last applied commit {@code data} records, if it is of this repository and branch. */
  Optional<String> appliedHere(Map<String, String> data) {
    String applied = data.get("lastAppliedCommit");
    boolean same =
        settings.url().toString().equals(data.get("repository"))
            && settings.branch().equals(data.get("branch"));
    return same && applied != null && ObjectId.isId(applied)
        ? Optional.of(applied)
        : Optional.empty();
  }

  /**
   * Creates the ConfigMap with {@code data}, or merges {@code data} into it. Returns why it failed,
   * or null.
   */
  String write(Map<String, String> data) {
    try {
      var cm =
          client
              .configMaps()
              .inNamespace(settings.statusNamespace())
              .withName(settings.statusName());
      if (cm.get() == null) {
        cm.create(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(settings.statusName())
                .withNamespace(settings.statusNamespace())
                .addToLabels("app.kubernetes.io/name", "alertforge-controller")
                .endMetadata()
                .withData(data)
                .build());
      } else {
        cm.patch(
            PatchContext.of(PatchType.JSON_MERGE), new ConfigMapBuilder().withData(data).build());
      }
      return null;
    } catch (KubernetesClientException e) {
      return e.getMessage();
    }
  }
}
