package io.alertforge.controller;

import io.alertforge.controller.FlagValues.NamespacedName;
import io.alertforge.controller.wavefront.TokenSource;
import io.alertforge.controller.wavefront.WavefrontClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.time.Duration;

/**
 * Wavefront as the flags give it. The URL and the token come from the flags, or from keikoproj's
 * ConfigMap and Secret for what the flags leave out.
 *
 * @param url null: keikoproj's
 * @param tokens null: keikoproj's Secret
 * @param keikoproj keikoproj's ConfigMap; null without {@code --keikoproj-configmap}
 */
record WavefrontConnection(
    URI url,
    TokenSource tokens,
    NamespacedName keikoproj,
    boolean allowInsecure,
    double rateLimit,
    int maxConcurrency,
    Duration requestTimeout,
    Duration authRetry) {

  /** Where Wavefront is and the token to send. */
  record Endpoint(URI base, TokenSource tokens) {}

  /**
   * The flags' URL and token, with keikoproj's for what they leave out.
   *
   * @throws IllegalStateException naming keikoproj's object that cannot be read
   */
  Endpoint endpoint(KubernetesClient kubernetes) {
    if (keikoproj == null) {
      return new Endpoint(url, tokens);
    }
    KeikoprojConfig k = KeikoprojConfig.read(kubernetes, keikoproj.namespace(), keikoproj.name());
    return new Endpoint(
        url != null ? url : k.url(),
        tokens != null ? tokens : k.tokens(kubernetes, keikoproj.namespace()));
  }

  /**
   * The client's options for {@code base}.
   *
   * @throws IllegalArgumentException for plain HTTP without {@code --allow-insecure-wavefront}
   */
  WavefrontClient.Options options(URI base) {
    return WavefrontClient.Options.builder(base)
        .allowInsecure(allowInsecure)
        .rateLimit(rateLimit, maxConcurrency)
        .timeouts(Duration.ofSeconds(10), requestTimeout)
        .authProbeInterval(authRetry)
        .build();
  }
}
