package io.alertforge.compiler;

import static io.alertforge.compiler.TestRepository.CPU_TEMPLATE_SPEC;
import static io.alertforge.compiler.TestRepository.template;
import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.compiler.diagnostic.Diagnostics;
import io.alertforge.compiler.source.FileSystemSourceTree;
import io.alertforge.compiler.source.SourceTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A compile reads each file once: the rule engine scans the texts the loader decoded. */
class SingleReadTest {

  @TempDir Path root;

  /** A directory that counts the reads of each file. */
  static final class CountingTree implements SourceTree {
    final SourceTree files;
    final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();

    CountingTree(Path root) {
      this.files = new FileSystemSourceTree(root);
    }

    @Override
    public String description() {
      return files.description();
    }

    @Override
    public List<String> yamlFiles(Diagnostics diagnostics) throws IOException {
      return files.yamlFiles(diagnostics);
    }

    @Override
    public List<String> allFiles() throws IOException {
      return files.allFiles();
    }

    @Override
    public boolean isFile(String path) {
      return files.isFile(path);
    }

    @Override
    public byte[] read(String path) throws IOException {
      reads.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      return files.read(path);
    }
  }

  @Test
  void everyFileIsReadOnceAndStillScanned() throws IOException {
    new TestRepository(root)
        .file(
            "payments/cpu.yaml",
            "# alertforge:disable-file policy/required-tags -- legacy\n"
                + template("payments", "cpu", CPU_TEMPLATE_SPEC))
        .file("payments/a.yaml", LintRulesTest.config("a", "payments", "{app: a}"))
        .file("payments/empty.yaml", "# nothing here\n")
        .file("notes/deploy.sh", "export WAVEFRONT_TOKEN=0123456789abcdef0123456789abcdef\n")
        .file(
            "alertforge.yaml",
            "rules:\n  policy/required-tags:\n    options: {required: [\"team:*\"]}\n");
    CountingTree tree = new CountingTree(root);

    Compilation compilation = new AlertCompiler().compile(tree);

    assertThat(tree.reads)
        .containsOnlyKeys(
            "alertforge.yaml",
            "payments/cpu.yaml",
            "payments/a.yaml",
            "payments/empty.yaml",
            "notes/deploy.sh");
    // a file without a document is the only one read twice: the loader keeps no text of it
    assertThat(tree.reads)
        .allSatisfy(
            (path, count) ->
                assertThat(count.get()).as(path).isEqualTo(path.endsWith("empty.yaml") ? 2 : 1));
    // the texts reach the rules: the secret is found, the suppression comment applies
    assertThat(compilation.diagnostics())
        .extracting(d -> d.rule() + " " + d.position().file())
        .contains("security/secret-in-repo notes/deploy.sh")
        .noneMatch(line -> line.startsWith("policy/required-tags"));
  }
}
