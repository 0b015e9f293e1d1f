package io.alertforge.compiler.run;

import io.alertforge.compiler.Compilation;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.compiler.output.RenderedAlertWriter;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code alert:render} and {@code alertforge render}: writes every alert to {@code
 * <output>/rendered/<namespace>/<name>.yaml}, concrete WavefrontAlerts with no template left in
 * them; writes nothing when there are errors, which it prints, and fails on them.
 */
public final class RenderRun {

  /** The directory under the output that holds the rendered alerts. */
  public static final String RENDERED_DIRECTORY = "rendered";

  /**
   * Compiles (once per context), renders and decides.
   *
   * @throws ConfigurationException for an unreadable source or unwritable output
   * @throws FindingsException for findings at the fail-on severity
   */
  public void execute(RunContext context, RunSettings settings, Console console)
      throws ConfigurationException, FindingsException {
    AlertRun.execute(context, settings, console, true, c -> render(c, settings, console));
  }

  /** The render step on a compiled repository. */
  public void render(Compilation compilation, RunSettings settings, Console console)
      throws IOException {
    Path rendered = settings.output().resolve(RENDERED_DIRECTORY);
    if (compilation.hasErrors()) {
      compilation.diagnostics().stream()
          .filter(d -> d.severity() == Severity.ERROR)
          .forEach(d -> AlertRun.print(d, console));
      console.error("Rendered alerts not written because of errors; " + rendered + " is unchanged");
      return;
    }
    new RenderedAlertWriter().write(rendered, compilation.alerts());
    console.info("Rendered " + compilation.alerts().size() + " alert(s) to " + rendered);
  }
}
