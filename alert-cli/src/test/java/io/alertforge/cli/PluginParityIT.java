package io.alertforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.benchmarks.RepositoryGenerator;
import io.alertforge.maven.PluginGoals;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin's goals and the distribution's command give the same diagnostics.json and the same
 * rendered files, byte for byte: on sample-repo and on a generated benchmark repository, each with
 * one warning added so that diagnostics.json is not empty.
 */
class PluginParityIT {

  @TempDir Path temp;

  @Test
  void sampleRepoGivesTheSameFiles() throws Exception {
    Path repo =
        Repositories.copyTree(
            Repositories.buildRoot().resolve("sample-repo"), temp.resolve("repo"));
    Repositories.addWarning(repo);

    assertSameOutput(repo, 30);
  }

  @Test
  void aGeneratedRepositoryGivesTheSameFiles() throws Exception {
    Path repo = temp.resolve("generated");
    new RepositoryGenerator(RepositoryGenerator.Shape.of(2_000)).write(repo);
    Repositories.addWarning(repo);

    assertSameOutput(repo, 2_001);
  }

  private void assertSameOutput(Path repo, int alerts) throws Exception {
    Path pluginOutput = temp.resolve("plugin");
    Path cliOutput = temp.resolve("cli");

    boolean pluginFailed = PluginGoals.lintAndRender(repo, pluginOutput);
    DistributionRun.Result lint =
        DistributionRun.run(temp, "lint", "-o", cliOutput.toString(), repo.toString());
    DistributionRun.Result render =
        DistributionRun.run(temp, "render", "-o", cliOutput.toString(), repo.toString());

    assertThat(pluginFailed).isFalse();
    assertThat(lint.exitCode()).as(lint.err()).isZero();
    assertThat(render.exitCode()).as(render.err()).isZero();
    assertThat(render.out()).contains("Rendered " + alerts + " alert(s) to ");
    Map<String, byte[]> plugin = Repositories.files(pluginOutput);
    Map<String, byte[]> cli = Repositories.files(cliOutput);
    assertThat(plugin).containsKey("diagnostics.json");
    assertThat(plugin.keySet().stream().filter(f -> f.startsWith("rendered/"))).hasSize(alerts);
    assertThat(cli.keySet()).containsExactlyElementsOf(plugin.keySet());
    plugin.forEach((file, bytes) -> assertThat(cli.get(file)).as(file).isEqualTo(bytes));
    assertThat(new String(plugin.get("diagnostics.json"), java.nio.charset.StandardCharsets.UTF_8))
        .contains("\"severity\" : \"warning\"");
  }
}
