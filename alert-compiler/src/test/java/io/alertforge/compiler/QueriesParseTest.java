package io.alertforge.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.compiler.model.RenderedAlert;
import io.alertforge.wql.WqlParseException;
import io.alertforge.wql.WqlParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every rendered {@code condition} and {@code displayExpression} of {@code sample-repo/} and of the
 * test repositories under {@code src/test/resources} is WQL the parser reads.
 */
class QueriesParseTest {

  @Test
  void everyRenderedQueryOfTheSampleAndTestRepositoriesParses() throws Exception {
    Path sample = Path.of(System.getProperty("alertforge.repoRoot", ".."), "sample-repo");
    List<String> failures = new ArrayList<>();
    int parsed = 0;
    for (Path repository : List.of(sample, BrokenExamplesTest.broken())) {
      for (RenderedAlert alert : TestRepository.COMPILER.compile(repository).alerts()) {
        for (String field : List.of("condition", "displayExpression")) {
          String query = alert.spec().path(field).asText("");
          if (query.isEmpty()) {
            continue;
          }
          try {
            WqlParser.parse(query);
            parsed++;
          } catch (WqlParseException e) {
            failures.add(alert.qualifiedName() + " " + field + ": " + e.getMessage());
          }
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(parsed).isGreaterThan(20);
  }
}
