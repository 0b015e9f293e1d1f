package io.alertforge.compiler.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.diagnostic.Diagnostics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryScannerTest {

  @TempDir Path root;
  @TempDir Path outside;

  private void touch(String path) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "a: 1\n");
  }

  @Test
  void findsYamlInSortedOrderAndSkipsHiddenBuildAndConfigFiles() throws IOException {
    for (String path :
        new String[] {
          "b/z.yml",
          "a.yaml",
          "b/a.YAML",
          ".github/workflows/ci.yaml",
          "target/alerts/x.yaml",
          "nested/target/y.yaml",
          ".hidden.yaml",
          "alertforge.yaml",
          "notes.txt",
          "sub/alertforge.yaml"
        }) {
      touch(path);
    }
    Diagnostics diagnostics = new Diagnostics();

    assertThat(RepositoryScanner.yamlFiles(root, diagnostics))
        .containsExactly("a.yaml", "b/a.YAML", "b/z.yml", "sub/alertforge.yaml");
    assertThat(diagnostics.sorted()).isEmpty();
  }

  @Test
  void neverReadsTheOutputDirectoryWhereverItIs() throws IOException {
    touch("team/alerts.yaml");
    touch("team/out/rendered/team/cpu.yaml");
    touch("team/outside-out/kept.yaml");
    Diagnostics diagnostics = new Diagnostics();

    assertThat(RepositoryScanner.yamlFiles(root, root.resolve("team/../team/out"), diagnostics))
        .containsExactly("team/alerts.yaml", "team/outside-out/kept.yaml");
    assertThat(RepositoryScanner.allFiles(root, root.resolve("team/out")))
        .doesNotContain("team/out/rendered/team/cpu.yaml");
    assertThat(RepositoryScanner.yamlFiles(root, diagnostics))
        .contains("team/out/rendered/team/cpu.yaml");
  }

  @Test
  void neverFollowsSymbolicLinks() throws IOException {
    touch("real.yaml");
    Files.writeString(outside.resolve("secret.yaml"), "a: 1\n");
    Files.createSymbolicLink(root.resolve("link.yaml"), outside.resolve("secret.yaml"));
    Files.createSymbolicLink(root.resolve("dir"), outside);
    Diagnostics diagnostics = new Diagnostics();

    assertThat(RepositoryScanner.yamlFiles(root, diagnostics)).containsExactly("real.yaml");
    assertThat(diagnostics.sorted())
        .extracting(Diagnostic::format)
        .containsExactly(
            "dir:0:0: info [input/symlink] symbolic link not followed; copy the file into the repository if it belongs there",
            "link.yaml:0:0: info [input/symlink] symbolic link not followed; copy the file into the repository if it belongs there");
  }
}
