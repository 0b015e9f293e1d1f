package io.alertforge.maven;

import io.alertforge.compiler.Compilation;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Checks an alert repository: YAML, schemas, references, templates and rendered alerts. Prints
 * every finding as {@code file:line:column: severity [rule] message} and writes them all to {@code
 * diagnostics.json}; fails the build on errors.
 */
@Mojo(
    name = "lint",
    defaultPhase = LifecyclePhase.VALIDATE,
    requiresProject = false,
    threadSafe = true)
public class LintMojo extends AbstractAlertMojo {

  @Override
  void run(Compilation compilation) {
    compilation.diagnostics().forEach(this::print);
  }
}
