package io.alertforge.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.alertforge.compiler.diagnostic.Diagnostics;
import io.alertforge.compiler.source.RepositoryScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates the files of the sample repository from a fixed seed (one to a few edits per case: bytes
 * flipped, lines dropped, duplicated or swapped, YAML and template fragments inserted, the file
 * cut) and compiles: the compiler must only ever return diagnostics, never throw.
 */
class MutationFuzzTest {

  private static final long SEED = 20_261_127L;
  private static final int CASES = 200;

  private static final String[] FRAGMENTS = {
    "{{",
    "}}",
    "{{ .app }}",
    "{{ range . }}",
    "{{ end }}",
    "{{ printf \"%s\" }}",
    "&a ",
    "*a",
    "<<: *a",
    "!!python/object ",
    "!custom ",
    ": ",
    "- ",
    "? ",
    "|",
    ">-",
    "\t",
    "'",
    "\"",
    "#",
    "---\n",
    "...\n",
    "{",
    "}",
    "[",
    "]",
    ",",
    "~",
    "null",
    "1e999",
    "0x",
    "-1",
    "\u0000",
    "\uFEFF",
    "\u202E",
    "\uD83D\uDE00",
    "kind: WavefrontAlert",
    "apiVersion: v1",
    "metadata:",
    "namespace: ",
    "name: ",
    "params:",
    "alerts:",
    "exportedParams: [x]",
  };

  @TempDir Path root;

  @Test
  void mutatedSampleFilesGiveOnlyDiagnostics() throws IOException {
    Path sample = Path.of(System.getProperty("alertforge.repoRoot", ".."), "sample-repo");
    // The files the compiler reads, by its own rules: never build output such as target/.
    List<String> files = RepositoryScanner.yamlFiles(sample, new Diagnostics());
    for (String relative : files) {
      Path copy = root.resolve(relative);
      Files.createDirectories(copy.getParent());
      Files.copy(sample.resolve(relative), copy);
    }
    Files.copy(
        sample.resolve(RepositoryScanner.CONFIG_FILE), root.resolve(RepositoryScanner.CONFIG_FILE));
    assertThat(files).hasSizeGreaterThan(10);
    AlertCompiler compiler = new AlertCompiler();
    Random random = new Random(SEED);
    int withDiagnostics = 0;
    for (int i = 0; i < CASES; i++) {
      String file = files.get(random.nextInt(files.size()));
      byte[] original = Files.readAllBytes(root.resolve(file));
      byte[] mutated = mutate(original, random);
      Files.write(root.resolve(file), mutated);
      String reproduce = "case " + i + " (seed " + SEED + "): " + file;
      Compilation compilation =
          assertTimeoutPreemptively(
              Duration.ofSeconds(30), () -> compiler.compile(root), () -> reproduce);
      assertThat(compilation).as(reproduce).isNotNull();
      compilation.diagnostics().forEach(d -> assertThat(d.message()).as(reproduce).isNotBlank());
      if (!compilation.diagnostics().isEmpty()) {
        withDiagnostics++;
      }
      Files.write(root.resolve(file), original);
    }
    // The mutations reach the checks, rather than all being no-ops.
    assertThat(withDiagnostics).isGreaterThan(CASES / 2);
  }

  private static byte[] mutate(byte[] original, Random random) {
    String text = new String(original, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int edits = 1 + random.nextInt(3);
    byte[] bytes = null;
    for (int e = 0; e < edits; e++) {
      int at = random.nextInt(lines.size());
      switch (random.nextInt(8)) {
        case 0 -> lines.remove(at);
        case 1 -> lines.add(at, lines.get(at));
        case 2 -> {
          int other = random.nextInt(lines.size());
          String swap = lines.get(at);
          lines.set(at, lines.get(other));
          lines.set(other, swap);
        }
        case 3 -> {
          String line = lines.get(at);
          int column = line.isEmpty() ? 0 : random.nextInt(line.length() + 1);
          String fragment = FRAGMENTS[random.nextInt(FRAGMENTS.length)];
          lines.set(at, line.substring(0, column) + fragment + line.substring(column));
        }
        case 4 -> {
          String line = lines.get(at);
          lines.set(at, line.isEmpty() ? line : line.substring(0, random.nextInt(line.length())));
        }
        case 5 -> {
          String line = lines.get(at);
          lines.set(at, " ".repeat(random.nextInt(4)) + line.stripLeading());
        }
        case 6 -> lines.subList(at, lines.size()).clear();
        default -> bytes = new byte[0];
      }
      if (lines.isEmpty()) {
        lines.add("");
      }
    }
    byte[] result = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    if (bytes != null && result.length > 0) {
      // a few raw bytes flipped: invalid UTF-8, control characters
      for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
        result[random.nextInt(result.length)] = (byte) random.nextInt(256);
      }
    }
    return result;
  }
}
