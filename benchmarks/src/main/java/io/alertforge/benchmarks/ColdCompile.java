package io.alertforge.benchmarks;

import io.alertforge.compiler.AlertCompiler;
import io.alertforge.compiler.Compilation;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * What a fresh JVM (a Maven run) pays: {@code ColdCompile <repository> [repeats]} creates the
 * compiler and compiles the repository, printing wall and process CPU time of each compile, so the
 * first (cold) one can be told from the later (warm) ones. Run it with {@code
 * -XX:StartFlightRecording} to profile the cold compile.
 */
public final class ColdCompile {

  private ColdCompile() {}

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int i = 0; i < repeats; i++) {
      long wall = System.nanoTime();
      long cpu = os.getProcessCpuTime();
      AlertCompiler compiler = new AlertCompiler();
      long constructed = System.nanoTime();
      Compilation compilation = compiler.compile(root);
      long done = System.nanoTime();
      System.out.printf(
          "compile %d: %.3f s wall (compiler %.3f s, compile %.3f s), %.3f s process CPU; %s%n",
          i + 1,
          (done - wall) / 1e9,
          (constructed - wall) / 1e9,
          (done - constructed) / 1e9,
          (os.getProcessCpuTime() - cpu) / 1e9,
          compilation.summary());
    }
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    System.out.printf(
        "heap after GC: %d MiB%n", (runtime.totalMemory() - runtime.freeMemory()) >> 20);
  }
}
