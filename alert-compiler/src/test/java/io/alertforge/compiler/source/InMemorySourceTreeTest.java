package io.alertforge.compiler.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alertforge.compiler.AlertCompiler;
import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.diagnostic.Diagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-memory tree lists, reads and compiles as the same files in a directory do. */
class InMemorySourceTreeTest {

  static final Path SAMPLE = Path.of("..", "sample-repo");

  @TempDir Path root;

  private static Map<String, byte[]> files(String... paths) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String path : paths) {
      files.put(path, "a: 1\n".getBytes(StandardCharsets.UTF_8));
    }
    return files;
  }

  private void writeAll(Map<String, byte[]> files) throws IOException {
    for (var e : files.entrySet()) {
      Path file = root.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.write(file, e.getValue());
    }
  }

  @Test
  void listsWhatTheDirectoryTreeListsOfTheSameFiles() throws IOException {
    Map<String, byte[]> files =
        files(
            "b/z.yml",
            "a.yaml",
            "b/a.YAML",
            ".github/workflows/ci.yaml",
            "target/alerts/x.yaml",
            "nested/target/y.yaml",
            "nested/.cache/z.yaml",
            ".hidden.yaml",
            "alertforge.yaml",
            "notes.txt",
            "sub/alertforge.yaml");
    writeAll(files);
    InMemorySourceTree memory = new InMemorySourceTree("memory", files);
    FileSystemSourceTree disk = new FileSystemSourceTree(root);
    Diagnostics diagnostics = new Diagnostics();

    assertThat(memory.yamlFiles(diagnostics))
        .containsExactly("a.yaml", "b/a.YAML", "b/z.yml", "sub/alertforge.yaml")
        .isEqualTo(disk.yamlFiles(new Diagnostics()));
    assertThat(memory.allFiles())
        .containsExactly(
            ".hidden.yaml",
            "a.yaml",
            "alertforge.yaml",
            "b/a.YAML",
            "b/z.yml",
            "notes.txt",
            "sub/alertforge.yaml")
        .isEqualTo(disk.allFiles());
    assertThat(diagnostics.sorted()).isEmpty();
    assertThat(memory.isFile("alertforge.yaml")).isTrue();
    assertThat(memory.isFile("b")).isFalse();
    assertThat(memory.isFile("missing.yaml")).isFalse();
  }

  @Test
  void readsCopiesAndNamesTheMissingFile() throws IOException {
    byte[] bytes = "a: 1\n".getBytes(StandardCharsets.UTF_8);
    InMemorySourceTree tree = new InMemorySourceTree("the review", Map.of("a.yaml", bytes));
    bytes[0] = 'b';
    tree.read("a.yaml")[0] = 'c';

    assertThat(new String(tree.read("a.yaml"), StandardCharsets.UTF_8)).isEqualTo("a: 1\n");
    assertThat(tree.contentId("a.yaml")).isEqualTo(BlobIds.of("a: 1\n".getBytes()));
    assertThatThrownBy(() -> tree.read("b.yaml"))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessage("b.yaml in the review");
  }

  @Test
  void refusesPathsNoDirectoryCouldHold() {
    for (String path :
        new String[] {"", "/abs.yaml", "a//b.yaml", "./a.yaml", "a/../b.yaml", "a\\b.yaml", "a/"}) {
      assertThatThrownBy(() -> new InMemorySourceTree("m", files(path)))
          .as(path)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not a relative path");
    }
    assertThatThrownBy(() -> new InMemorySourceTree("m", files("a", "a/b.yaml")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a/b.yaml needs a directory where a is a file");
  }

  @Test
  void aSourcePathIsOneTheTreeWouldCompile() {
    assertThat(InMemorySourceTree.isSourcePath("payments/apps/ledger.yaml")).isTrue();
    assertThat(InMemorySourceTree.isSourcePath("a.yml")).isTrue();
    assertThat(InMemorySourceTree.isSourcePath("sub/alertforge.yaml")).isTrue();
    for (String path :
        new String[] {
          "alertforge.yaml",
          "notes.txt",
          ".hidden.yaml",
          ".github/ci.yaml",
          "target/a.yaml",
          "a/target/b.yaml",
          "../a.yaml",
          "/etc/a.yaml",
          "a//b.yaml",
          ""
        }) {
      assertThat(InMemorySourceTree.isSourcePath(path)).as(path).isFalse();
    }
  }

  @Test
  void sampleRepoCompilesToTheSameFindingsAsFromItsDirectory() throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (Stream<Path> walk = Files.walk(SAMPLE)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(SAMPLE.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    AlertCompiler compiler = new AlertCompiler();

    var fromMemory = compiler.compile(new InMemorySourceTree("sample-repo", files));
    var fromDisk = compiler.compile(SAMPLE);

    assertThat(fromMemory.alerts())
        .isNotEmpty()
        .extracting(a -> a.qualifiedName() + " " + a.origin() + " " + a.spec() + a.annotations())
        .isEqualTo(
            fromDisk.alerts().stream()
                .map(a -> a.qualifiedName() + " " + a.origin() + " " + a.spec() + a.annotations())
                .toList());
    assertThat(fromMemory.diagnostics())
        .extracting(Diagnostic::format)
        .isEqualTo(fromDisk.diagnostics().stream().map(Diagnostic::format).toList());
  }
}
