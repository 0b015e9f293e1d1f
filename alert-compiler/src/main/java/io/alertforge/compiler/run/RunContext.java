package io.alertforge.compiler.run;

import io.alertforge.compiler.AlertCompiler;
import io.alertforge.compiler.Compilation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What the runs of one build share: the compiler (creating one compiles the schemas), each source's
 * compilation, and which reports were already written, so that lint, render and diff in one Maven
 * build compile and report once. The command line runs one command per process and shares nothing.
 */
public final class RunContext {

  private final Map<Object, Object> shared;

  /** Nothing shared: a context of its own for one run. */
  public RunContext() {
    this(new HashMap<>());
  }

  /**
   * Shares through {@code shared}, which the caller keeps for as long as runs should share (the
   * plugin: its plugin context, one per build).
   */
  public RunContext(Map<Object, Object> shared) {
    this.shared = shared;
  }

  /** The compiler every run uses, for the base of a diff too. */
  public AlertCompiler compiler() {
    return (AlertCompiler)
        shared.computeIfAbsent(AlertCompiler.class.getName(), k -> new AlertCompiler());
  }

  /**
   * The compilation of {@code source}, compiled on the first call, never reading {@code output}.
   *
   * @throws ConfigurationException when the source cannot be read, saying what to set
   */
  Compilation compile(Path source, Path output, SettingNames names) throws ConfigurationException {
    String key = Compilation.class.getName() + ":" + source.toAbsolutePath();
    if (shared.get(key) instanceof Compilation compilation) {
      return compilation;
    }
    try {
      Compilation compilation = compiler().compile(source, output);
      shared.put(key, compilation);
      return compilation;
    } catch (IOException e) {
      throw new ConfigurationException(
          "Cannot read alert source "
              + source
              + ": "
              + e.getMessage()
              + ". Set "
              + names.source()
              + " to the directory that holds the alert YAML",
          e);
    }
  }

  /** True the first time a run of this context asks with {@code key}. */
  boolean firstTime(String key) {
    return shared.putIfAbsent(key, Boolean.TRUE) == null;
  }
}
