package io.alertforge.compiler;

import static io.alertforge.compiler.TestRepository.CPU_TEMPLATE_SPEC;
import static io.alertforge.compiler.TestRepository.alert;
import static io.alertforge.compiler.TestRepository.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.alertforge.compiler.diagnostic.Diagnostic;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of hostile files, generated at test time (nothing big is committed). Each one must give
 * a clear diagnostic at its file, within a time bound (a hang guard, not a speed claim) and an
 * allocation bound, and the good alert beside it must still render.
 */
class HostileInputTest {

  /** Generous: a hang guard on a shared 2-core machine. */
  private static final Duration TIME_BOUND = Duration.ofSeconds(60);

  /** Bytes allocated by all threads while compiling one hostile repository. */
  private static final long ALLOCATION_BOUND = 3L << 30;

  @TempDir Path root;
  @TempDir Path outside;
  private TestRepository repository;

  @BeforeEach
  void goodAlertBesideTheHostileFile() {
    repository =
        new TestRepository(root)
            .file("templates/cpu.yaml", template("payments", "cpu", CPU_TEMPLATE_SPEC))
            .file(
                "apps/good.yaml",
                """
                apiVersion: alertmanager.keikoproj.io/v1alpha1
                kind: AlertsConfig
                metadata:
                  name: good
                  namespace: payments
                spec:
                  globalParams: {app: good}
                  alerts:
                    cpu: {}
                """);
  }

  private static final String HEADER =
      """
      apiVersion: alertmanager.keikoproj.io/v1alpha1
      kind: AlertsConfig
      metadata:
        name: hostile
        namespace: payments
      spec:
      """;

  @Test
  void billionLaughs() {
    StringBuilder yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 30; i++) {
      yaml.append(
          "a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]%n"
              .formatted(i, i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1));
    }
    expect("bomb.yaml", yaml.toString(), "yaml/limit", "aliases");
  }

  @Test
  void aliasBombUnderTheAliasLimitStopsAtTheNodeBound() {
    // 48 aliases (under the limit of 50), each level six times the last: 10 * 6^8 nodes expanded.
    StringBuilder yaml = new StringBuilder("a0: &a0 [" + "x, ".repeat(9) + "x]\n");
    for (int i = 1; i <= 8; i++) {
      yaml.append(
          "a%d: &a%d [%s]%n".formatted(i, i, ("*a" + (i - 1) + ", ").repeat(5) + "*a" + (i - 1)));
    }
    expect("wide-bomb.yaml", yaml.toString(), "yaml/limit", "nodes");
  }

  @Test
  void deepNestingOfFlowCollections() {
    expect("deep.yaml", "a: " + "[".repeat(100_000) + "]".repeat(100_000), "yaml/limit", "");
  }

  @Test
  void deepNestingOfBlockMappings() {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      yaml.append(" ".repeat(i)).append("k").append(i).append(":\n");
    }
    expect("deep-block.yaml", yaml.toString(), "yaml/limit", "nesting");
  }

  @Test
  void fiftyMegabyteFile() throws IOException {
    Path file = root.resolve("huge.yaml");
    byte[] line = "# padding padding padding padding padding padding padding padding\n".getBytes();
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long written = 0; written < 50L << 20; written += line.length) {
        out.write(line);
      }
    }
    expectFile("huge.yaml", "yaml/limit", "bytes");
  }

  @Test
  void millionLineFile() {
    StringBuilder yaml = new StringBuilder(HEADER).append("  alerts:\n    cpu:\n");
    yaml.append("      params: {app: million}\n");
    yaml.append("# filler\n".repeat(1_000_000));
    yaml.append("  unknownField:\n");
    yaml.append("    - x\n".repeat(10));
    Compilation compilation = expect("million.yaml", yaml.toString(), "schema/unknown-field", "");
    assertThat(compilation.diagnostics())
        .filteredOn(d -> d.rule().equals("schema/unknown-field"))
        .extracting(d -> d.position().line())
        .containsExactly(1_000_010);
  }

  @Test
  void millionItemSequence() {
    expect("items.yaml", "items:\n" + "- 1\n".repeat(1_000_000), "input/ignored-document", "");
  }

  @Test
  void binaryFile() {
    byte[] bytes = new byte[1 << 20];
    new Random(7).nextBytes(bytes);
    expect("binary.yaml", bytes, "yaml/encoding", "invalid UTF-8");
  }

  @Test
  void controlCharactersInValidUtf8() {
    byte[] bytes = new byte[4096];
    Arrays.fill(bytes, (byte) 0);
    expect("nul.yaml", bytes, "yaml/syntax", "");
  }

  @Test
  void invalidUtf8InTheMiddleOfAnAlert() {
    byte[] bytes = (HEADER + "  alerts:\n    cpu: {params: {app: \"caf\u00e9\"}}\n").getBytes();
    int at = indexOf(bytes, (byte) 0xc3);
    bytes[at + 1] = (byte) 0x28;
    Diagnostic diagnostic =
        only(expect("latin.yaml", bytes, "yaml/encoding", "invalid UTF-8"), "yaml/encoding");
    assertThat(diagnostic.position().line()).isEqualTo(8);
  }

  @Test
  void duplicateKeys() {
    expect(
        "dup.yaml",
        HEADER + "  alerts:\n    cpu: {params: {app: a}}\n    cpu: {params: {app: b}}\n",
        "yaml/duplicate-key",
        "duplicate key 'cpu'");
  }

  @Test
  void symbolicLinksOutOfTheRepositoryAreNeverFollowed() throws IOException {
    String secretAlert =
        HEADER.replace("hostile", "outside") + "  globalParams: {app: x}\n  alerts:\n    cpu: {}\n";
    Files.writeString(outside.resolve("outside.yaml"), secretAlert);
    Files.createDirectories(outside.resolve("dir"));
    Files.writeString(outside.resolve("dir/inner.yaml"), secretAlert.replace("outside", "inner"));
    Files.createSymbolicLink(root.resolve("link.yaml"), outside.resolve("outside.yaml"));
    Files.createSymbolicLink(root.resolve("linkdir"), outside.resolve("dir"));
    Files.createSymbolicLink(root.resolve("loop"), root);
    Compilation compilation = compileWithinBounds();
    assertGoodAlertRendered(compilation);
    assertThat(compilation.alerts()).hasSize(1);
    assertThat(compilation.diagnostics())
        .filteredOn(d -> d.rule().equals("input/symlink"))
        .extracting(d -> d.position().file())
        .containsExactlyInAnyOrder("link.yaml", "linkdir", "loop");
  }

  @Test
  void oddFileNamesAreReadAndNamedExactly() {
    String[] names = {
      "with space.yaml", "-leading-dash.yaml", "--help.yaml", "ünïcødé-名前.yaml", "colon:name.yml"
    };
    for (int i = 0; i < names.length; i++) {
      repository.file(
          "odd/" + names[i],
          HEADER.replace("hostile", "odd" + i)
              + "  alerts:\n    cpu: {params: {app: o"
              + i
              + "}}\n---\n"
              + HEADER.replace("hostile", "bad" + i)
              + "  x: 1\n");
    }
    Compilation compilation = compileWithinBounds();
    assertGoodAlertRendered(compilation);
    assertThat(compilation.diagnostics())
        .filteredOn(d -> d.rule().equals("schema/unknown-field"))
        .extracting(d -> d.position().file())
        .containsExactlyInAnyOrder(
            Arrays.stream(names).map(n -> "odd/" + n).toArray(String[]::new));
    assertThat(compilation.alerts()).hasSize(1 + names.length);
  }

  @Test
  void templateWithRunawayRange() {
    // Four ranges over 40 params one inside another: 2.5 million iterations.
    String nested = "{{ range $ }}".repeat(4) + "{{ end }}".repeat(4);
    String spec = CPU_TEMPLATE_SPEC.replace("\"{{ .app }} cpu high\"", "\"" + nested + "\"");
    repository.file("templates/range.yaml", template("payments", "ranger", spec));
    StringBuilder params = new StringBuilder("app: \"x\"");
    for (int i = 0; i < 39; i++) {
      params.append(", p").append(i).append(": \"v\"");
    }
    String config =
        HEADER.replace("hostile", "ranging")
            + "  alerts:\n    ranger:\n      params: {"
            + params
            + "}\n";
    Compilation compilation = expect("apps/ranging.yaml", config, "template/execution", "steps");
    assertThat(only(compilation, "template/execution").message())
        .contains("execution took more than 1000000 steps");
  }

  @Test
  void templateWithDeepRecursion() {
    String deep = "(".repeat(50_000) + ".app" + ")".repeat(50_000);
    String spec = CPU_TEMPLATE_SPEC.replace("\"{{ .app }} cpu high\"", "\"{{ " + deep + " }}\"");
    expect("templates/deep.yaml", template("payments", "deep", spec), "template/syntax", "");
  }

  @Test
  void templateThatExpandsWithoutBound() {
    String runaway =
        "{{ printf \\\"%s%s%s%s%s%s%s%s\\\" .app .app .app .app .app .app .app .app }}";
    String spec =
        CPU_TEMPLATE_SPEC.replace("\"{{ .app }} cpu high\"", "\"" + runaway.repeat(2000) + "\"");
    String config =
        HEADER.replace("hostile", "runaway")
            + "  alerts:\n    expands:\n      params: {app: \""
            + "x".repeat(100_000)
            + "\"}\n";
    repository.file("templates/expands.yaml", template("payments", "expands", spec));
    Compilation compilation = expect("apps/runaway.yaml", config, "template/execution", "exceeds");
    assertThat(only(compilation, "template/execution").message())
        .contains("templates/expands.yaml");
  }

  @Test
  void paramOfAMegabyte() {
    String config =
        HEADER + "  alerts:\n    cpu:\n      params: {app: \"" + "y".repeat(1 << 20) + "\"}\n";
    expect("apps/mega.yaml", config, "template/execution", "output exceeds");
  }

  @Test
  void tenThousandDocumentsInOneFile() {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      yaml.append("---\n")
          .append(HEADER.replace("name: hostile", "name: many-" + i))
          .append("  globalParams: {app: a")
          .append(i)
          .append("}\n  alerts:\n    cpu: {}\n");
    }
    yaml.append("---\n").append(HEADER).append("  bogus: true\n");
    Compilation compilation = compileWith("apps/many.yaml", yaml.toString().getBytes());
    assertGoodAlertRendered(compilation);
    assertThat(compilation.alerts()).hasSize(10_001);
    assertThat(only(compilation, "schema/unknown-field").position())
        .satisfies(p -> assertThat(p.file()).isEqualTo("apps/many.yaml"));
  }

  // --- helpers

  private Compilation expect(String path, String content, String rule, String messagePart) {
    return expect(path, content.getBytes(StandardCharsets.UTF_8), rule, messagePart);
  }

  private Compilation expect(String path, byte[] content, String rule, String messagePart) {
    repository.bytes(path, content);
    return expectFile(path, rule, messagePart);
  }

  private Compilation expectFile(String path, String rule, String messagePart) {
    Compilation compilation = compileWithinBounds();
    assertGoodAlertRendered(compilation);
    assertThat(compilation.diagnostics())
        .as("a %s diagnostic at %s", rule, path)
        .anySatisfy(
            d -> {
              assertThat(d.rule()).isEqualTo(rule);
              assertThat(d.position().file()).isEqualTo(path);
              assertThat(d.message()).contains(messagePart);
            });
    assertThat(compilation.diagnostics())
        .as("no diagnostic about the good files")
        .noneSatisfy(
            d -> assertThat(d.position().file()).isIn("apps/good.yaml", "templates/cpu.yaml"));
    return compilation;
  }

  private Compilation compileWith(String path, byte[] content) {
    repository.bytes(path, content);
    return compileWithinBounds();
  }

  private Compilation compileWithinBounds() {
    long[] allocated = new long[1];
    Compilation compilation =
        assertTimeoutPreemptively(
            TIME_BOUND,
            () -> {
              // measured inside the timed thread, which ends with the call
              long before = allocatedBytes();
              Compilation result = repository.compile();
              allocated[0] = allocatedBytes() - before;
              return result;
            });
    assertThat(allocated[0]).as("bytes allocated while compiling").isLessThan(ALLOCATION_BOUND);
    return compilation;
  }

  private static void assertGoodAlertRendered(Compilation compilation) {
    assertThat(alert(compilation, "payments/good.cpu").spec().get("alertName").asText())
        .isEqualTo("good cpu high");
  }

  private static Diagnostic only(Compilation compilation, String rule) {
    return TestRepository.only(compilation, rule);
  }

  /** Bytes allocated so far by every live thread (the compiler works on the common pool). */
  private static long allocatedBytes() {
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long[] ids = threads.getAllThreadIds();
    return Arrays.stream(threads.getThreadAllocatedBytes(ids)).filter(b -> b > 0).sum();
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    throw new AssertionError("no byte " + b);
  }
}
