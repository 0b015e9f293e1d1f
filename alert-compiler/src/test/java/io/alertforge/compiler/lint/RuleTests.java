package io.alertforge.compiler.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.compiler.AlertCompiler;
import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.source.InMemorySourceTree;
import io.alertforge.compiler.source.YamlLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Compiles a repository held in memory with one rule class, for the table test of that class. */
public final class RuleTests {

  private static final AlertCompiler WITHOUT_CHECKS = compiler(List.of());
  private static final Map<Class<?>, AlertCompiler> WITH_ONE = new ConcurrentHashMap<>();

  private RuleTests() {}

  /**
   * The printed findings of {@code rule} on these files (path to text), its class the only one the
   * engine runs; fails if anything but that class reports the rule's id.
   */
  public static List<String> findings(LintRule<?> rule, Map<String, String> files) {
    Map<String, byte[]> bytes = new TreeMap<>();
    files.forEach((path, text) -> bytes.put(path, text.getBytes(StandardCharsets.UTF_8)));
    InMemorySourceTree tree = new InMemorySourceTree("test repository", bytes);
    assertThat(lines(WITHOUT_CHECKS, tree, rule.id()))
        .as("findings of %s when its class does not run", rule.id())
        .isEmpty();
    AlertCompiler compiler =
        WITH_ONE.computeIfAbsent(rule.getClass(), c -> compiler(List.of(rule)));
    return lines(compiler, tree, rule.id());
  }

  private static List<String> lines(AlertCompiler compiler, InMemorySourceTree tree, String id) {
    try {
      return compiler.compile(tree).diagnostics().stream()
          .filter(d -> d.rule().equals(id))
          .map(Diagnostic::format)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static AlertCompiler compiler(List<LintRule<?>> checks) {
    return new AlertCompiler(
        YamlLimits.DEFAULT,
        new Linter(RuleCatalogue.DEFAULT.withChecks(checks), Clock.systemUTC()));
  }
}
