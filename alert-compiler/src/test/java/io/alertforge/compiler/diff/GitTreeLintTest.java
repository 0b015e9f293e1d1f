package io.alertforge.compiler.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.compiler.AlertCompiler;
import io.alertforge.compiler.Compilation;
import io.alertforge.compiler.git.GitWorkspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks that scan every file (secrets) read the tree being compiled, not the working tree. */
class GitTreeLintTest {

  @TempDir Path dir;

  @Test
  void aSecretInACommitIsFoundInThatCommitsTreeEvenAfterTheWorkingTreeDropsIt() throws Exception {
    try (GitFixture repository = GitFixture.init(dir)) {
      repository
          .write("docs/setup.md", "export WF=a411c16b-3cf7-4f03-bf11-8ca05aab898d\n")
          .commit("leak");
      repository.write("docs/setup.md", "export WF=$(cat /var/run/secrets/wavefront/token)\n");
      AlertCompiler compiler = new AlertCompiler();

      try (GitWorkspace git = GitWorkspace.open(dir).orElseThrow()) {
        Compilation committed = compiler.compile(git.tree(git.commit("HEAD")));
        Compilation working = compiler.compile(git.workingTree());

        assertThat(committed.diagnostics())
            .extracting(d -> d.position() + " " + d.rule())
            .containsExactly("docs/setup.md:1:11 security/secret-in-repo");
        assertThat(working.diagnostics()).isEmpty();
      }
    }
  }
}
