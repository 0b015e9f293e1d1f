package io.alertforge.maven;

import io.alertforge.compiler.Compilation;
import io.alertforge.compiler.run.RenderRun;
import java.io.IOException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Renders every alert of the repository to {@code <alert.output>/rendered/<namespace>/<name>.yaml}:
 * concrete WavefrontAlerts with no template left in them. Writes nothing when there are errors,
 * which it prints (run alert:lint for warnings and infos). The work is the compiler's {@link
 * RenderRun}.
 */
@Mojo(
    name = "render",
    defaultPhase = LifecyclePhase.GENERATE_RESOURCES,
    requiresProject = false,
    threadSafe = true)
public class RenderMojo extends AbstractAlertMojo {

  @Override
  void run(Compilation compilation) throws IOException {
    new RenderRun().render(compilation, settings, console());
  }
}
