package io.alertforge.controller.admission;

import io.alertforge.compiler.source.RepositoryScanner;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy in the key {@code alertforge.yaml} of a ConfigMap ({@code
 * --admission-policy-configmap}), read at every review so an edit applies at once.
 */
public final class ConfigMapPolicy implements PolicySource {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigMapPolicy.class);

  private final KubernetesClient client;
  private final String namespace;
  private final String name;

  public ConfigMapPolicy(KubernetesClient client, String namespace, String name) {
    this.client = client;
    this.namespace = namespace;
    this.name = name;
  }

  @Override
  public Optional<byte[]> read() throws Unavailable {
    String which = "the policy ConfigMap " + namespace + "/" + name;
    ConfigMap cm;
    try {
      cm = client.configMaps().inNamespace(namespace).withName(name).get();
    } catch (KubernetesClientException e) {
      LOG.warn("cannot read {}: {}", which, e.getMessage());
      throw new Unavailable(
          "cannot read " + which + (e.getCode() > 0 ? " (HTTP " + e.getCode() + ")" : ""));
    }
    if (cm == null) {
      throw new Unavailable(
          which
              + " does not exist; create it with the key "
              + RepositoryScanner.CONFIG_FILE
              + " (--admission-policy-configmap)");
    }
    String text = cm.getData() == null ? null : cm.getData().get(RepositoryScanner.CONFIG_FILE);
    if (text == null) {
      throw new Unavailable(which + " has no key " + RepositoryScanner.CONFIG_FILE);
    }
    return Optional.of(text.getBytes(StandardCharsets.UTF_8));
  }
}
