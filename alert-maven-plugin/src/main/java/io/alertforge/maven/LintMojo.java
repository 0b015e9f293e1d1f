package io.alertforge.maven;

import io.alertforge.compiler.Compilation;
import io.alertforge.compiler.run.ConfigurationException;
import io.alertforge.compiler.run.LintRun;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks an alert repository: YAML, schemas, references, templates, rendered alerts and the rules
 * of alertforge.yaml. Prints every finding as {@code file:line:column: severity [rule] message} and
 * a summary table, writes {@code diagnostics.json} and the reports of {@code alert.format}; fails
 * the build at {@code alert.failOn}. The work is the compiler's {@link LintRun}.
 */
@Mojo(
    name = "lint",
    defaultPhase = LifecyclePhase.VALIDATE,
    requiresProject = false,
    threadSafe = true)
public class LintMojo extends AbstractAlertMojo {

  /**
   * Comma-separated report formats: {@code console} (default), {@code json} ({@code
   * diagnostics.json}, always written), {@code sarif}, {@code junit}, {@code checkstyle}, {@code
   * github} (on by itself when {@code GITHUB_ACTIONS=true}). Files go to {@code alert.output}.
   */
  @Parameter(property = "alert.format", defaultValue = "console")
  String format;

  @Override
  void run(Compilation compilation) throws IOException, MojoExecutionException {
    try {
      new LintRun(format, environment).report(compilation, settings, console());
    } catch (ConfigurationException e) {
      throw executionError(e);
    }
  }
}
