package io.alertforge.controller.process;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the controller as a user runs it: {@code java -cp <this JVM's class path>
 * io.alertforge.controller.Main <flags>} in a child JVM, with the same {@code java}, a kubeconfig
 * that points at the fabric8 mock server and an environment of its own (nothing inherited: a {@code
 * JAVA_TOOL_OPTIONS} or {@code CLUSTER_NAME} of the build machine cannot leak in). Each process
 * writes stdout and stderr to files under {@code target/controller-processes/<test class>/<test>/}.
 *
 * <p>Register it in an instance field with {@code @RegisterExtension}. After each test, before the
 * test's own {@code @AfterEach} cleans the mock up, it kills (SIGKILL) every process it started
 * that still runs, and only when the test failed prints what each of them printed. A shutdown hook
 * kills what is left if the test JVM itself is stopped.
 */
final class ControllerProcesses
    implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {
  static final String CLUSTER = "process-cluster";

  /** The bearer token the kubeconfig gives the controller (the mock accepts any). */
  static final String KUBE_TOKEN = "kube-api-token-in-kubeconfig";

  private static final Set<ControllerProcess> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> RUNNING.forEach(ControllerProcess::destroy), "controller-processes"));
  }

  private final List<ControllerProcess> started = new ArrayList<>();
  private Path dir;
  private int tokenFiles;

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    String test = context.getRequiredTestMethod().getName();
    String display = context.getDisplayName();
    if (!display.equals(test + "()")) { // an invocation of a parameterized test
      test += "-" + display.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^_|_$", "");
    }
    dir =
        targetDirectory()
            .resolve("controller-processes")
            .resolve(context.getRequiredTestClass().getSimpleName())
            .resolve(test);
    deleteRecursively(dir);
    Files.createDirectories(dir);
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    if (context.getExecutionException().isPresent()) {
      started.forEach(p -> System.err.println(p.report()));
    }
    destroyAll();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    destroyAll();
  }

  /**
   * The command every test starts from: the mock server through a kubeconfig, the emulator over
   * plain HTTP with {@code token} in a file of its own, the cluster name, a 3 s resync, text logs.
   */
  ControllerCommand command(KubernetesClient kubernetes, URI wavefront, String token) {
    return new ControllerCommand()
        .with("--cluster-name", CLUSTER)
        .with("--wavefront-url", wavefront.toString())
        .with("--allow-insecure-wavefront")
        .with("--wavefront-token-file", file("wavefront-token-" + ++tokenFiles, token).toString())
        .with("--resync-period", "3s")
        .env("KUBECONFIG", kubeconfig(kubernetes).toString())
        .env("LOG_FORMAT", "text");
  }

  /** A file in this test's directory. */
  private Path file(String name, String content) {
    try {
      return Files.writeString(dir.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts {@code command} as process {@code name} (its output in {@code <name>.stdout} and {@code
   * <name>.stderr}), on a free metrics port.
   */
  ControllerProcess start(String name, ControllerCommand command) throws IOException {
    int metricsPort = freePort();
    List<String> line = new ArrayList<>();
    line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // a small heap and the quick JIT: several of these JVMs share two cores with the build
    line.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    // the class path holds test-classes, whose logback-test.xml would replace the user's logging
    line.add("-Dlogback.configurationFile=" + productionLogback());
    line.addAll(List.of("-cp", System.getProperty("java.class.path")));
    line.add("io.alertforge.controller.Main");
    line.addAll(command.with("--metrics-port", Integer.toString(metricsPort)).arguments());
    Path stdout = dir.resolve(name + ".stdout");
    Path stderr = dir.resolve(name + ".stderr");
    ProcessBuilder builder =
        new ProcessBuilder(line)
            .directory(dir.toFile())
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile());
    builder.environment().clear();
    builder.environment().putAll(command.environment());
    ControllerProcess process =
        new ControllerProcess(name, builder.start(), stdout, stderr, metricsPort);
    started.add(process);
    RUNNING.add(process);
    return process;
  }

  /** Every process this test started, in order. */
  List<ControllerProcess> started() {
    return List.copyOf(started);
  }

  private void destroyAll() {
    for (ControllerProcess p : started) {
      p.destroy();
      RUNNING.remove(p);
    }
  }

  private Path kubeconfig(KubernetesClient kubernetes) {
    String server = kubernetes.getMasterUrl().toString().replaceAll("/+$", "");
    return file(
        "kubeconfig",
        String.join(
            "\n",
            "apiVersion: v1",
            "kind: Config",
            "clusters:",
            "- name: mock",
            "  cluster:",
            "    server: " + server,
            "users:",
            "- name: controller",
            "  user:",
            "    token: " + KUBE_TOKEN,
            "contexts:",
            "- name: mock",
            "  context:",
            "    cluster: mock",
            "    user: controller",
            "    namespace: default",
            "current-context: mock",
            ""));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String productionLogback() {
    URL main = ControllerProcesses.class.getResource("/logback.xml");
    if (main == null) {
      throw new IllegalStateException("logback.xml of alert-controller is not on the class path");
    }
    return main.toString();
  }

  private static Path targetDirectory() {
    try {
      // target/test-classes
      return Path.of(
              ControllerProcesses.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
