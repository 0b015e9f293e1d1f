package io.alertforge.compiler;

import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.diagnostic.Diagnostics;
import io.alertforge.compiler.lint.Linter;
import io.alertforge.compiler.load.LoadedRepository;
import io.alertforge.compiler.load.RepositoryLoader;
import io.alertforge.compiler.model.RenderedAlert;
import io.alertforge.compiler.render.AlertRenderer;
import io.alertforge.compiler.render.BurnIn;
import io.alertforge.compiler.render.RenderedAlertValidator;
import io.alertforge.compiler.render.Rendering;
import io.alertforge.compiler.schema.SchemaValidator;
import io.alertforge.compiler.source.FileSystemSourceTree;
import io.alertforge.compiler.source.SafeYamlReader;
import io.alertforge.compiler.source.SourceTree;
import io.alertforge.compiler.source.YamlLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Compiles an alert repository: load, validate, render, check. Create one and reuse it: the schemas
 * are compiled in the constructor. Thread-safe.
 */
public final class AlertCompiler {

  private static final Comparator<RenderedAlert> ORDER =
      Comparator.comparing(RenderedAlert::namespace).thenComparing(RenderedAlert::name);

  private final RepositoryLoader loader;
  private final AlertRenderer renderer;
  private final Linter linter;

  public AlertCompiler() {
    this(YamlLimits.DEFAULT);
  }

  public AlertCompiler(YamlLimits limits) {
    this(limits, new Linter());
  }

  /** A compiler whose rule engine is {@code linter} (tests give it a fixed clock). */
  public AlertCompiler(YamlLimits limits, Linter linter) {
    this.linter = linter;
    SchemaValidator schemas = new SchemaValidator();
    this.loader = new RepositoryLoader(schemas, new SafeYamlReader(limits));
    this.renderer = new AlertRenderer(new RenderedAlertValidator(schemas));
  }

  /**
   * Compiles the repository under {@code root}. Problems in the repository are diagnostics, never
   * exceptions; an IOException means the directory itself could not be walked.
   */
  public Compilation compile(Path root) throws IOException {
    return compile(root, null);
  }

  /**
   * Compiles the repository under {@code root} without reading {@code output}, the directory the
   * run writes to, when it lies inside (null: none).
   */
  public Compilation compile(Path root, Path output) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new IOException("alert source " + root + " is not a directory");
    }
    return compile(new FileSystemSourceTree(root, output));
  }

  /**
   * Compiles the repository in a source tree, such as a commit's tree read from Git. Problems in
   * the repository are diagnostics; an IOException means the tree itself could not be listed.
   */
  public Compilation compile(SourceTree root) throws IOException {
    Diagnostics diagnostics = new Diagnostics();
    LoadedRepository repository = loader.load(root, diagnostics);
    Rendering rendering = renderer.render(repository, diagnostics);
    List<RenderedAlert> valid = rendering.alerts().stream().filter(RenderedAlert::valid).toList();
    List<RenderedAlert> alerts = new ArrayList<>(BurnIn.annotate(valid, repository.config()));
    alerts.sort(ORDER);
    List<RenderedAlert> invalid =
        rendering.alerts().stream().filter(a -> !a.valid()).sorted(ORDER).toList();
    // The rule engine adds its rules' findings and applies alertforge.yaml and suppressions; its
    // rule classes check the valid rendered alerts only, not those rendered in part.
    List<Diagnostic> findings =
        linter.lint(root, repository, alerts, rendering.templateUses(), diagnostics);
    return new Compilation(List.copyOf(alerts), findings, repository.files(), invalid);
  }
}
