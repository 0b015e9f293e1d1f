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
 * mounted Secret and {@code --wavefront-token-file}; this exists for keikoproj's configuration. A
 * token with anything but printable ASCII inside is refused ({@link InvalidTokenException}) until
 * the Secret changes, as {@link FileTokenSource} does.
 */
public final class SecretTokenSource implements TokenSource {
  private final KubernetesClient client;
  private final String namespace;
  private final String name;
  private final Duration refresh;
  private final Clock clock = Clock.systemUTC();
  private final TokenHistory history = new TokenHistory();
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
    boolean known = history.known();
    if (known && clock.instant().isBefore(readAt.plus(refresh))) {
      return history.last();
    }
    Secret s = client.secrets().inNamespace(namespace).withName(name).get();
    String encoded = s == null || s.getData() == null ? null : s.getData().get(name);
    if (encoded == null) {
      if (known) {
        return history.last(); // keep the last state; the read is retried after refresh
      }
      throw new InvalidTokenException(
          "Secret " + namespace + "/" + name + " has no key '" + name + "' (keikoproj's layout)");
    }
    readAt = clock.instant();
    String source =
        "the Wavefront token in Secret " + namespace + "/" + name + ", key '" + name + "',";
    return history.read(
        () ->
            InvalidTokenException.checked(
                new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8),
                source,
                "put the token alone in that key (a line break at its end is fine)"),
        readAt);
  }
}
