package io.alertforge.benchmarks;

import io.alertforge.compiler.AlertCompiler;
import io.alertforge.compiler.diff.AlertDiff;
import io.alertforge.compiler.diff.GitDiff;
import io.alertforge.compiler.git.GitBaseException;
import io.alertforge.compiler.git.GitWorkspace;
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
 * {@code alert:diff}'s work: both commits of a generated Git history read from Git objects,
 * compiled, and compared ({@code main} against the {@code change} branch, which changes 1% of the
 * alerts).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g"})
public class DiffBenchmark {

  @Param({"10000"})
  public int alerts;

  private Path root;
  private AlertCompiler compiler;
  private GitWorkspace workspace;

  @Setup(Level.Trial)
  public void generate() throws IOException, GitBaseException {
    root = Files.createTempDirectory("alertforge-bench-");
    RepositoryGenerator generator = new RepositoryGenerator(RepositoryGenerator.Shape.of(alerts));
    generator.writeGitHistory(root);
    compiler = new AlertCompiler();
    workspace = GitWorkspace.open(root).orElseThrow();
    AlertDiff diff = diff();
    if (diff.changes().size() != generator.shape().changedAlerts()) {
      throw new IllegalStateException("unexpected diff: " + diff.summaryLine());
    }
  }

  @TearDown(Level.Trial)
  public void delete() throws IOException {
    workspace.close();
    TempDirectories.delete(root);
  }

  @Benchmark
  public AlertDiff diff() throws IOException, GitBaseException {
    return GitDiff.diff(compiler, workspace, "main", "HEAD", null);
  }
}
