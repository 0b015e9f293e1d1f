package io.alertforge.benchmarks;

import io.alertforge.compiler.AlertCompiler;
import io.alertforge.compiler.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole compiler on a generated repository read from disk: load (read, parse, validate), render
 * (and validate each rendered alert) and lint (the rule engine with every policy rule on). One
 * operation compiles the repository once; divide by {@code alerts} for the time per alert, and run
 * with {@code -prof gc} for the allocation per operation ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g"})
public class CompileBenchmark {

  @Param({"1000", "10000", "100000"})
  public int alerts;

  private Path root;
  private AlertCompiler compiler;

  @Setup(Level.Trial)
  public void generate() throws IOException {
    root = Files.createTempDirectory("alertforge-bench-");
    new RepositoryGenerator(RepositoryGenerator.Shape.of(alerts)).write(root);
    compiler = new AlertCompiler();
    Compilation compilation = compiler.compile(root);
    if (compilation.alerts().size() != alerts || !compilation.diagnostics().isEmpty()) {
      throw new IllegalStateException(
          "generated repository does not compile clean: " + compilation.summary());
    }
  }

  @TearDown(Level.Trial)
  public void delete() throws IOException {
    TempDirectories.delete(root);
  }

  @Benchmark
  public Compilation compile() throws IOException {
    return compiler.compile(root);
  }
}
