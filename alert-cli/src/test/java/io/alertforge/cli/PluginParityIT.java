package io.alertforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.benchmarks.RepositoryGenerator;
import io.alertforge.maven.PluginGoals;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin's goals and the distribution's command give the same diagnostics.json and the same
 * rendered files, byte for byte, on sample-repo and on a generated benchmark repository: as they
 * are (clean, every alert rendered), and with a broken file added (findings in diagnostics.json,
 * both fail, nothing rendered).
 */
class PluginParityIT {

  @TempDir Path temp;

  @Test
  void sampleRepoGivesTheSameFiles() throws Exception {
    Path repo =
        Repositories.copyTree(
            Repositories.buildRoot().resolve("sample-repo"), temp.resolve("repo"));

    assertSameOutput(repo, "clean", false, 29);
    Repositories.copy("broken", repo.resolve("zz-broken"));
    assertSameOutput(repo, "broken", true, 0);
  }

  @Test
  void aGeneratedRepositoryGivesTheSameFiles() throws Exception {
    Path repo = temp.resolve("generated");
    new RepositoryGenerator(RepositoryGenerator.Shape.of(2_000)).write(repo);

    assertSameOutput(repo, "clean", false, 2_000);
    Repositories.copy("broken", repo.resolve("zz-broken"));
    assertSameOutput(repo, "broken", true, 0);
  }

  private void assertSameOutput(Path repo, String label, boolean fails, int alerts)
      throws Exception {
    Path pluginOutput = temp.resolve(label + "-plugin");
    Path cliOutput = temp.resolve(label + "-cli");

    boolean pluginFailed = PluginGoals.lintAndRender(repo, pluginOutput);
    DistributionRun.Result lint =
        DistributionRun.run(temp, "lint", "-o", cliOutput.toString(), repo.toString());
    DistributionRun.Result render =
        DistributionRun.run(temp, "render", "-o", cliOutput.toString(), repo.toString());

    int exitCode = fails ? Main.FINDINGS : Main.CLEAN;
    assertThat(pluginFailed).isEqualTo(fails);
    assertThat(lint.exitCode()).as(lint.err()).isEqualTo(exitCode);
    assertThat(render.exitCode()).as(render.err()).isEqualTo(exitCode);
    Map<String, byte[]> plugin = Repositories.files(pluginOutput);
    Map<String, byte[]> cli = Repositories.files(cliOutput);
    assertThat(plugin).containsKey("diagnostics.json");
    assertThat(plugin.keySet().stream().filter(f -> f.startsWith("rendered/"))).hasSize(alerts);
    assertThat(cli.keySet()).containsExactlyElementsOf(plugin.keySet());
    plugin.forEach((file, bytes) -> assertThat(cli.get(file)).as(file).isEqualTo(bytes));
    assertThat(new String(plugin.get("diagnostics.json"), StandardCharsets.UTF_8))
        .contains(fails ? "\"rule\" : \"reference/unknown-template\"" : "[ ]");
  }
}
