package io.alertforge.controller;

import io.alertforge.wavefront.emulator.junit.WavefrontEmulatorExtension;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A test of the controller on the fabric8 CRUD mock, with the CRD registered, and the Wavefront
 * emulator, which accepts {@link Harness#TOKEN}. A test starts its {@link #controller}; it is
 * closed, and every CR and event removed, after each test.
 */
@EnableKubernetesMockClient(crud = true)
abstract class ControllerTestCase {
  @RegisterExtension
  static final WavefrontEmulatorExtension wavefront =
      WavefrontEmulatorExtension.withToken(Harness.TOKEN);

  static KubernetesClient client;
  static KubernetesMockServer server;
  AlertController controller;

  @BeforeEach
  final void registerCrd() throws Exception {
    Harness.registerCrd(client);
  }

  @AfterEach
  final void stopAndCleanUp() {
    if (controller != null) {
      controller.close();
    }
    Harness.cleanUp(client);
  }
}
