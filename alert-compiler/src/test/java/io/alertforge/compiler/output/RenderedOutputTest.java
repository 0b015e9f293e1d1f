package io.alertforge.compiler.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.compiler.AlertCompiler;
import io.alertforge.compiler.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden test of {@code sample-repo}, and the output guarantees: byte-identical whatever the
 * file-system order, stale files removed, a failed run changes nothing.
 */
class RenderedOutputTest {

  private static final Path REPO_ROOT =
      Path.of(System.getProperty("alertforge.repoRoot", "..")).toAbsolutePath().normalize();
  private static final Path SAMPLE = REPO_ROOT.resolve("sample-repo");
  private static final Path GOLDEN =
      REPO_ROOT.resolve("alert-compiler/src/test/golden/sample-repo");
  private static final AlertCompiler COMPILER = new AlertCompiler();

  @TempDir Path temp;

  @Test
  void sampleRepoLintsCleanAndRendersTheGoldenFiles() throws IOException {
    Compilation compilation = COMPILER.compile(SAMPLE);
    assertThat(compilation.diagnostics())
        .allSatisfy(d -> assertThat(d.severity().label()).isEqualTo("info"));

    Path rendered = temp.resolve("rendered");
    new RenderedAlertWriter().write(rendered, compilation.alerts());

    if (Boolean.getBoolean("alertforge.updateGolden")) {
      AtomicFiles.deleteTree(GOLDEN);
      copyTree(rendered, GOLDEN);
    }
    assertThat(tree(rendered)).isEqualTo(tree(GOLDEN));
    assertThat(compilation.alerts()).hasSize(tree(GOLDEN).size());
  }

  @Test
  void outputIsByteIdenticalWhateverTheOrderFilesWereWritten() throws IOException {
    Map<String, String> sources = tree(SAMPLE);
    sources.keySet().removeIf(path -> path.startsWith("target/"));
    Path first = writeInOrder(sources, new ArrayList<>(sources.keySet()), temp.resolve("first"));
    List<String> shuffled = new ArrayList<>(sources.keySet());
    Collections.shuffle(shuffled, new Random(42));
    Collections.reverse(shuffled);
    Path second = writeInOrder(sources, shuffled, temp.resolve("second"));

    Compilation one = COMPILER.compile(first);
    Compilation two = COMPILER.compile(second);
    new RenderedAlertWriter().write(temp.resolve("out1"), one.alerts());
    new RenderedAlertWriter().write(temp.resolve("out2"), two.alerts());

    assertThat(tree(temp.resolve("out1"))).isEqualTo(tree(temp.resolve("out2"))).isNotEmpty();
    assertThat(one.diagnostics()).isEqualTo(two.diagnostics());
  }

  @Test
  void aSecondRunRemovesStaleFilesAndLeavesNoStagingBehind() throws IOException {
    Compilation compilation = COMPILER.compile(SAMPLE);
    Path rendered = temp.resolve("alerts/rendered");
    Files.createDirectories(rendered.resolve("gone"));
    Files.writeString(rendered.resolve("gone/old.yaml"), "stale");

    new RenderedAlertWriter().write(rendered, compilation.alerts());

    assertThat(rendered.resolve("gone")).doesNotExist();
    try (Stream<Path> siblings = Files.list(rendered.getParent())) {
      assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("rendered");
    }
  }

  @Test
  void diagnosticsJsonHasTheDocumentedShape() throws IOException {
    Path repository = temp.resolve("repo");
    Files.createDirectories(repository);
    Files.writeString(repository.resolve("a.yaml"), "a: [\n");
    Compilation compilation = COMPILER.compile(repository);
    Path report = temp.resolve("diagnostics.json");

    DiagnosticsReport.write(report, compilation.diagnostics());

    assertThat(Files.readString(report))
        .isEqualToIgnoringWhitespace(
            """
        [ {
          "file" : "a.yaml", "line" : 2, "column" : 1, "severity" : "error", "rule" : "yaml/syntax",
          "message" : "%s"
        } ]
        """
                .formatted(compilation.diagnostics().get(0).message()));
  }

  private static Path writeInOrder(Map<String, String> sources, List<String> order, Path root)
      throws IOException {
    for (String path : order) {
      Path file = root.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, sources.get(path));
    }
    return root;
  }

  private static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(file).toString().replace('\\', '/'), Files.readString(file));
      }
    }
    return files;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    for (Map.Entry<String, String> file : tree(from).entrySet()) {
      Path target = to.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue());
    }
  }
}
