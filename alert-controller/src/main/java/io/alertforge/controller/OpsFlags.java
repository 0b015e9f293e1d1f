package io.alertforge.controller;

import picocli.CommandLine.Option;

/** The flag of the operations endpoints. */
final class OpsFlags {
  @Option(
      names = "--metrics-port",
      defaultValue = "${env:METRICS_PORT:-8080}",
      description = "Port of /metrics, /healthz and /readyz.")
  int metricsPort;
}
