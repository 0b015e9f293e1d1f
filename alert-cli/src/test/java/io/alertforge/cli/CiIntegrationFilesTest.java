package io.alertforge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The CI integrations parse, and have the keys their hosts require: the GitHub composite action,
 * the GitLab CI template and the pre-commit hook definition.
 */
class CiIntegrationFilesTest {

  private static final Path ROOT = Repositories.buildRoot();

  @SuppressWarnings("unchecked")
  private static <T> T load(String file) throws IOException {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    return (T) yaml.load(Files.readString(ROOT.resolve(file)));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theGithubActionIsACompositeActionWhoseStepsUseOnlyDeclaredInputs() throws Exception {
    String file = ".github/actions/alertforge/action.yml";
    Map<String, Object> action = load(file);

    assertThat(action).containsKeys("name", "description", "inputs", "runs");
    Map<String, Object> runs = (Map<String, Object>) action.get("runs");
    assertThat(runs).containsEntry("using", "composite");
    List<Map<String, Object>> steps = (List<Map<String, Object>>) runs.get("steps");
    assertThat(steps).isNotEmpty();
    // a composite action's run step must name its shell
    assertThat(steps).allSatisfy(step -> assertThat(step).containsKeys("run", "shell", "name"));
    Map<String, Map<String, Object>> inputs =
        (Map<String, Map<String, Object>>) action.get("inputs");
    assertThat(inputs.values()).allSatisfy(input -> assertThat(input).containsKey("description"));
    Matcher used =
        Pattern.compile("inputs\\.([a-z-]+)").matcher(Files.readString(ROOT.resolve(file)));
    while (used.find()) {
      assertThat(inputs).containsKey(used.group(1));
    }
    Set<String> stepIds =
        Set.copyOf(
            steps.stream()
                .filter(s -> s.containsKey("id"))
                .map(s -> (String) s.get("id"))
                .toList());
    Matcher outputs =
        Pattern.compile("steps\\.([a-z-]+)\\.outputs")
            .matcher(Files.readString(ROOT.resolve(file)));
    while (outputs.find()) {
      assertThat(stepIds).contains(outputs.group(1));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theGitlabTemplateHasAJobWithAScriptAndStringVariables() throws Exception {
    Map<String, Object> template = load("ci/gitlab/alertforge.gitlab-ci.yml");

    Map<String, Object> variables = (Map<String, Object>) template.get("variables");
    assertThat(variables).containsKeys("ALERTFORGE_DISTRIBUTION", "ALERTFORGE_SOURCE");
    assertThat(variables.values()).allMatch(String.class::isInstance);
    Map<String, Object> job = (Map<String, Object>) template.get("alertforge");
    assertThat(job).containsKeys("stage", "image", "script", "artifacts", "rules");
    assertThat((List<Object>) job.get("script")).isNotEmpty().allMatch(String.class::isInstance);
    Map<String, Object> artifacts = (Map<String, Object>) job.get("artifacts");
    assertThat((Map<String, Object>) artifacts.get("reports")).containsKey("junit");
  }

  @Test
  @SuppressWarnings("unchecked")
  void thePreCommitHookNamesAnExecutableEntryScript() throws Exception {
    List<Map<String, Object>> hooks = load(".pre-commit-hooks.yaml");

    assertThat(hooks).hasSize(1);
    Map<String, Object> hook = hooks.get(0);
    assertThat(hook).containsKeys("id", "name", "entry", "language");
    assertThat(hook.get("language")).isIn("script", "system");
    assertThat(hook).containsEntry("pass_filenames", false);
    Path entry = ROOT.resolve((String) hook.get("entry"));
    assertThat(entry).isRegularFile();
    assertThat(Files.isExecutable(entry)).isTrue();
    assertThat(Pattern.compile((String) hook.get("files")).matcher("team-a/alerts.yml").find())
        .isTrue();
  }
}
