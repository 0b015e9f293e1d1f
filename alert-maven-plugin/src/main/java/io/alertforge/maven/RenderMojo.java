package io.alertforge.maven;

import io.alertforge.compiler.Compilation;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.compiler.output.RenderedAlertWriter;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Renders every alert of the repository to {@code <alert.output>/rendered/<namespace>/<name>.yaml}:
 * concrete WavefrontAlerts with no template left in them. Writes nothing when there are errors,
 * which it prints (run alert:lint for warnings and infos).
 */
@Mojo(
    name = "render",
    defaultPhase = LifecyclePhase.GENERATE_RESOURCES,
    requiresProject = false,
    threadSafe = true)
public class RenderMojo extends AbstractAlertMojo {

  static final String RENDERED_DIRECTORY = "rendered";

  @Override
  void run(Compilation compilation) throws IOException {
    File rendered = new File(output, RENDERED_DIRECTORY);
    if (compilation.hasErrors()) {
      compilation.diagnostics().stream()
          .filter(d -> d.severity() == Severity.ERROR)
          .forEach(this::print);
      getLog()
          .error("Rendered alerts not written because of errors; " + rendered + " is unchanged");
      return;
    }
    new RenderedAlertWriter().write(rendered.toPath(), compilation.alerts());
    getLog().info("Rendered " + compilation.alerts().size() + " alert(s) to " + rendered);
  }
}
