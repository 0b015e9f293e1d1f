package io.alertforge.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The plugin's lint and render goals in-process, configured as {@code mvn alert:lint alert:render
 * -Dalert.source=... -Dalert.output=...} configures them, sharing one plugin context as the goals
 * of one build do.
 */
public final class PluginGoals {

  private PluginGoals() {}

  /**
   * Runs lint, then render, on {@code source} with output to {@code output}.
   *
   * @return whether a goal failed the build because of findings
   */
  public static boolean lintAndRender(Path source, Path output) throws Exception {
    Map<Object, Object> build = new HashMap<>();
    LintMojo lint = new LintMojo();
    lint.format = "console";
    lint.environment = Map.of();
    RenderMojo render = new RenderMojo();
    boolean failed = false;
    for (AbstractAlertMojo goal : new AbstractAlertMojo[] {lint, render}) {
      goal.source = new File(source.toString());
      goal.output = new File(output.toString());
      goal.failOn = "error";
      goal.setPluginContext(build);
      try {
        goal.execute();
      } catch (MojoFailureException e) {
        failed = true;
      }
    }
    return failed;
  }
}
