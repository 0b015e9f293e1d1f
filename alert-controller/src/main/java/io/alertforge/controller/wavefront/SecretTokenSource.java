package io.alertforge.controller.wavefront;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * keikoproj's token: Secret {@code name} in {@code namespace}, data key equal to the Secret's name.
 * Re-read at most every {@code refresh}, so a rotated token is used without a restart. Prefer a
 * mounted Secret and {@code --wavefront-token-file}; this exists for keikoproj's configuration.
 */
public final class SecretTokenSource implements TokenSource {
  private final KubernetesClient client;
  private final String namespace;
  private final String name;
  private final Duration refresh;
  private final Clock clock = Clock.systemUTC();
  private Token token;
  private Instant readAt = Instant.MIN;

  public SecretTokenSource(
      KubernetesClient client, String namespace, String name, Duration refresh) {
    this.client = client;
    this.namespace = namespace;
    this.name = name;
    this.refresh = refresh;
    current();
  }

  @Override
  public synchronized Token current() {
    if (token != null && clock.instant().isBefore(readAt.plus(refresh))) {
      return token;
    }
    Secret s = client.secrets().inNamespace(namespace).withName(name).get();
    String encoded = s == null || s.getData() == null ? null : s.getData().get(name);
    if (encoded == null) {
      if (token != null) {
        return token; // keep the last good one; the read is retried after refresh
      }
      throw new IllegalStateException(
          "Secret " + namespace + "/" + name + " has no key '" + name + "' (keikoproj's layout)");
    }
    String value = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8).strip();
    readAt = clock.instant();
    if (token == null || !token.value().equals(value)) {
      token = new Token(value, token == null ? 1 : token.version() + 1, readAt);
    }
    return token;
  }
}
