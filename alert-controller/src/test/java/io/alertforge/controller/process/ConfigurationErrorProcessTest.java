package io.alertforge.controller.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.wavefront.emulator.junit.WavefrontEmulatorExtension;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A mistake in the flags, as a user meets it: the process ends at once with exit code 2 and one
 * line on stderr that names the problem, never a stack trace or the usage text. Each command is the
 * working command of the other process tests (mock server, emulator) with one mistake in it.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class ConfigurationErrorProcessTest {
  static final String TOKEN = "wavefront-token-of-the-configuration-test";

  @RegisterExtension
  static final WavefrontEmulatorExtension wavefront = WavefrontEmulatorExtension.withToken(TOKEN);

  @RegisterExtension final ControllerProcesses controllers = new ControllerProcesses();

  static KubernetesClient client;

  static Stream<Arguments> mistakes() {
    return Stream.of(
        mistake("no --cluster-name", c -> c.without("--cluster-name"), "cluster[- ]name"),
        mistake(
            "a token file that does not exist",
            c -> c.with("--wavefront-token-file", "/var/run/secrets/wavefront/token"),
            "token[- ]file"),
        mistake(
            "a resync period that is no duration",
            c -> c.with("--resync-period", "soon"),
            "resync[- ]period"),
        mistake(
            "an http URL without --allow-insecure-wavefront",
            c -> c.without("--allow-insecure-wavefront"),
            "--allow-insecure-wavefront"),
        mistake(
            "a cluster name with a colon",
            c -> c.with("--cluster-name", "prod:eu"),
            "cluster name"));
  }

  private static Arguments mistake(
      String what, UnaryOperator<ControllerCommand> change, String named) {
    return Arguments.of(what, change, named);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void aConfigurationMistakeIsOneLineOnStderrAndExitCode2(
      String what, UnaryOperator<ControllerCommand> change, String named) throws Exception {
    ControllerProcess controller =
        controllers.start(
            "controller", change.apply(controllers.command(client, wavefront.baseUri(), TOKEN)));

    int exitCode = controller.awaitExit(Duration.ofSeconds(60));
    String stderr = controller.stderr();
    assertThat(stderr.lines())
        .as("stderr of %s", what)
        .singleElement()
        .asString()
        .containsPattern("(?i)" + named);
    assertThat(stderr).endsWith("\n");
    assertThat(exitCode).as("exit code of %s", what).isEqualTo(2);
    for (String output : new String[] {controller.stdout(), stderr}) {
      assertThat(output)
          .as("no stack trace")
          .doesNotContainPattern("(?m)^\\s+at \\S+\\(")
          .doesNotContain("Caused by:")
          .doesNotContain("Exception in thread");
    }
    assertThat(controller.stdout() + stderr).doesNotContain(TOKEN);
    assertThat(wavefront.requests().size()).as("no call before the flags are checked").isZero();
  }
}
