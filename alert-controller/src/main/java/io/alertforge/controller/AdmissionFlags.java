package io.alertforge.controller;

import io.alertforge.controller.FlagValues.NamespacedName;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The flags of the admission webhook: its certificate, port, policy and the controller's user. */
final class AdmissionFlags {
  @Option(
      names = "--admission-cert-file",
      defaultValue = "${env:ADMISSION_CERT_FILE}",
      description = "The webhook's PEM certificate chain (tls.crt); with the key, enables it.")
  Path admissionCert;

  @Option(
      names = "--admission-key-file",
      defaultValue = "${env:ADMISSION_KEY_FILE}",
      description = "The webhook's PKCS#8 PEM key (tls.key); both are reloaded when they change.")
  Path admissionKey;

  @Option(
      names = "--admission-port",
      defaultValue = "${env:ADMISSION_PORT:-9443}",
      description = "HTTPS port of POST /validate.")
  int admissionPort;

  @Option(
      names = "--admission-policy-configmap",
      defaultValue = "${env:ADMISSION_POLICY_CONFIGMAP}",
      description = "NAMESPACE/NAME of the ConfigMap whose key alertforge.yaml is the policy.")
  String admissionPolicy;

  @Option(
      names = "--controller-user",
      defaultValue =
          "${env:CONTROLLER_USER:-system:serviceaccount:alert-manager-system:alertforge-controller}",
      description = "The only user that may change objects managed from Git.")
  String controllerUser;

  /**
   * The webhook to serve.
   *
   * @param policy the policy's ConfigMap; null without {@code --admission-policy-configmap}
   */
  record Admission(
      Path certFile, Path keyFile, int port, NamespacedName policy, String controllerUser) {}

  void checkFiles(StartupChecks checks) {
    checks.file("--admission-cert-file", admissionCert);
    checks.file("--admission-key-file", admissionKey);
  }

  /** The webhook the flags give, null without a certificate; a problem is recorded. */
  Admission check(StartupChecks checks) {
    checks.require(
        (admissionCert == null) == (admissionKey == null),
        "--admission-cert-file and --admission-key-file enable the webhook together: give both");
    NamespacedName policy =
        admissionPolicy == null || admissionPolicy.isBlank()
            ? null
            : checks.value(
                null,
                () -> FlagValues.namespacedName("--admission-policy-configmap", admissionPolicy));
    return admissionCert != null && admissionKey != null
        ? new Admission(admissionCert, admissionKey, admissionPort, policy, controllerUser)
        : null;
  }
}
