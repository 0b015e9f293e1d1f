package io.alertforge.controller;

import static io.alertforge.controller.FlagValues.duration;

import io.alertforge.controller.FlagValues.NamespacedName;
import io.alertforge.controller.wavefront.FileTokenSource;
import io.alertforge.controller.wavefront.TokenSource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The flags of Wavefront: where it is, the token, keikoproj's ConfigMap, the client's limits. */
final class WavefrontFlags {
  @Option(
      names = "--wavefront-url",
      defaultValue = "${env:WAVEFRONT_URL}",
      description = "Wavefront base URL (https://<instance>.wavefront.com); no scheme means https.")
  String url;

  @Option(
      names = "--wavefront-token-file",
      defaultValue = "${env:WAVEFRONT_TOKEN_FILE}",
      description = "File holding the API token (a mounted Secret); re-read when it changes.")
  Path tokenFile;

  @Option(
      names = "--allow-insecure-wavefront",
      description = "Allow a plain http:// Wavefront URL (the emulator; never in production).")
  boolean allowInsecure;

  @Option(
      names = "--keikoproj-configmap",
      defaultValue = "${env:KEIKOPROJ_CONFIGMAP}",
      description =
          "NAMESPACE/NAME of keikoproj's ConfigMap: reads wavefront.api.url and"
              + " wavefront.api.token.secret.name (the token Secret in the same namespace).")
  String keikoprojConfigMap;

  @Option(
      names = "--rate-limit",
      defaultValue = "${env:WAVEFRONT_RATE_LIMIT:-10}",
      description = "Wavefront requests per second, at most.")
  double rateLimit;

  @Option(
      names = "--max-concurrency",
      defaultValue = "${env:WAVEFRONT_MAX_CONCURRENCY:-4}",
      description = "Wavefront requests in flight, at most.")
  int maxConcurrency;

  @Option(
      names = "--request-timeout",
      defaultValue = "60s",
      description = "Timeout of one Wavefront request.")
  String requestTimeout;

  @Option(
      names = "--auth-retry",
      defaultValue = "1m",
      description = "After a 401/403, wait this long before sending the same token again.")
  String authRetry;

  /** The token file, once it is known to be readable. */
  private Path readableTokenFile;

  void checkFiles(StartupChecks checks) {
    readableTokenFile = checks.file("--wavefront-token-file", tokenFile);
  }

  /** Wavefront as the flags give it; a problem is recorded in {@code checks}. */
  WavefrontConnection check(StartupChecks checks, CommandSpec spec) {
    boolean keikoproj = keikoprojConfigMap != null && !keikoprojConfigMap.isBlank();
    NamespacedName keikoprojRef =
        keikoproj
            ? checks.value(
                null, () -> FlagValues.namespacedName("--keikoproj-configmap", keikoprojConfigMap))
            : null;
    boolean hasUrl = url != null && !url.isBlank();
    if (!keikoproj && !hasUrl) {
      checks.add(
          EnvironmentDefaults.required(spec.findOption("--wavefront-url"))
              + ", or --keikoproj-configmap"
              + StartupChecks.HELP);
    }
    if (!keikoproj && tokenFile == null) {
      checks.add(
          EnvironmentDefaults.required(spec.findOption("--wavefront-token-file"))
              + ", or --keikoproj-configmap"
              + StartupChecks.HELP);
    }
    URI flagUrl = hasUrl ? checks.value("--wavefront-url", () -> URI.create(url.strip())) : null;
    TokenSource fileTokens =
        readableTokenFile == null
            ? null
            : checks.value(null, () -> new FileTokenSource(readableTokenFile));
    Duration timeout = checks.value(null, () -> duration("--request-timeout", requestTimeout));
    Duration authRetryAfter = checks.value(null, () -> duration("--auth-retry", authRetry));
    checks.require(rateLimit > 0, "--rate-limit must be more than 0, got " + rateLimit);
    checks.require(
        maxConcurrency > 0, "--max-concurrency must be at least 1, got " + maxConcurrency);
    return new WavefrontConnection(
        flagUrl,
        fileTokens,
        keikoprojRef,
        allowInsecure,
        rateLimit,
        maxConcurrency,
        timeout,
        authRetryAfter);
  }
}
