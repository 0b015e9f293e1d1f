package io.alertforge.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.compiler.AlertCompiler;
import io.alertforge.compiler.Compilation;
import io.alertforge.compiler.diff.AlertChange;
import io.alertforge.compiler.diff.AlertDiff;
import io.alertforge.compiler.diff.GitDiff;
import io.alertforge.compiler.git.GitWorkspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator at small sizes: what the benchmarks measure is a clean, realistic repository. */
class RepositoryGeneratorTest {

  @TempDir Path root;

  @Test
  void aGeneratedRepositoryRendersEveryAlertAndLintsClean() throws Exception {
    RepositoryGenerator generator = new RepositoryGenerator(RepositoryGenerator.Shape.of(2000));
    generator.write(root);

    Compilation compilation = new AlertCompiler().compile(root);

    assertThat(compilation.diagnostics()).isEmpty();
    assertThat(compilation.alerts()).hasSize(2000);
    assertThat(compilation.alerts().stream().map(a -> a.namespace()).distinct())
        .containsExactlyInAnyOrder("team0", "team1");
    assertThat(compilation.files()).isEqualTo(2 * 10 + 200);
  }

  @Test
  void theChangeBranchChangesOnePercentOfTheAlerts() throws Exception {
    RepositoryGenerator generator = new RepositoryGenerator(RepositoryGenerator.Shape.of(1000));
    generator.writeGitHistory(root);

    AlertDiff diff;
    try (GitWorkspace workspace = GitWorkspace.open(root).orElseThrow()) {
      diff = GitDiff.diff(new AlertCompiler(), workspace, "main", "HEAD", null);
    }

    assertThat(diff.count(AlertChange.Kind.CHANGED)).isEqualTo(10);
    assertThat(diff.changes()).hasSize(10);
  }

  @Test
  void smallSizesToo() throws Exception {
    new RepositoryGenerator(RepositoryGenerator.Shape.of(100)).write(root);
    assertThat(new AlertCompiler().compile(root).alerts()).hasSize(100);
  }
}
