package io.alertforge.controller;

import io.alertforge.controller.wavefront.SecretTokenSource;
import io.alertforge.controller.wavefront.TokenSource;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * keikoproj's ConfigMap keys (alert-manager's internal/config), for {@code --keikoproj-configmap}.
 */
public record KeikoprojConfig(URI url, String tokenSecret) {
  static final String URL_KEY = "wavefront.api.url";
  static final String SECRET_KEY = "wavefront.api.token.secret.name";

  /** The ConfigMap {@code namespace/name}, read once at start. */
  public static KeikoprojConfig read(KubernetesClient client, String namespace, String name) {
    ConfigMap cm;
    try {
      cm = client.configMaps().inNamespace(namespace).withName(name).get();
    } catch (KubernetesClientException e) {
      throw cannotRead("the ConfigMap", namespace, name, e);
    }
    if (cm == null) {
      throw new IllegalStateException(
          "--keikoproj-configmap: the ConfigMap " + namespace + "/" + name + " does not exist");
    }
    return from(cm.getData() == null ? Map.of() : cm.getData());
  }

  static KeikoprojConfig from(Map<String, String> data) {
    String url = data.get(URL_KEY);
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException(
          "--keikoproj-configmap: the ConfigMap has no " + URL_KEY + " (the Wavefront URL)");
    }
    url = url.trim();
    URI uri = URI.create(url.contains("://") ? url : "https://" + url); // a bare host: https
    String secret = data.getOrDefault(SECRET_KEY, "wavefront-api-token").trim();
    return new KeikoprojConfig(uri, secret.isEmpty() ? "wavefront-api-token" : secret);
  }

  /**
   * The token Secret in {@code namespace}, read now (once, to fail at start) and every 30 s after.
   */
  TokenSource tokens(KubernetesClient client, String namespace) {
    try {
      return new SecretTokenSource(client, namespace, tokenSecret, Duration.ofSeconds(30));
    } catch (KubernetesClientException e) {
      throw cannotRead("the token Secret", namespace, tokenSecret, e);
    }
  }

  /** One of keikoproj's objects could not be read: which, and the API error in a few words. */
  private static IllegalStateException cannotRead(
      String what, String namespace, String name, KubernetesClientException e) {
    return new IllegalStateException(
        "--keikoproj-configmap: cannot read "
            + what
            + " "
            + namespace
            + "/"
            + name
            + ": "
            + apiError(e)
            + " (the component keikoproj-mode grants get on it)");
  }

  /** An API error in a few words: the HTTP code and the server's reason, not the whole request. */
  private static String apiError(KubernetesClientException e) {
    String reason =
        e.getStatus() != null && e.getStatus().getMessage() != null
            ? e.getStatus().getMessage()
            : e.getClass().getSimpleName();
    return e.getCode() > 0 ? "HTTP " + e.getCode() + ", " + reason : reason;
  }
}
