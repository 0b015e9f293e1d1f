package io.alertforge.compiler.diagnostic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code docs/rules.md} is generated from {@link Rules}; this test fails when it is stale. */
class RulesCatalogueTest {

  private static final Path PAGE =
      Path.of(System.getProperty("alertforge.repoRoot", ".."))
          .resolve("docs/rules.md")
          .toAbsolutePath()
          .normalize();

  @Test
  void ruleIdsAreUnique() {
    Set<String> ids = new HashSet<>();
    Rules.ALL.forEach(rule -> assertThat(ids.add(rule.id())).as(rule.id()).isTrue());
  }

  @Test
  void docsRulesPageIsCurrent() throws IOException {
    String expected = page();
    if (Boolean.getBoolean("alertforge.updateDocs")) {
      Files.writeString(PAGE, expected);
    }
    assertThat(Files.readString(PAGE))
        .as(
            "docs/rules.md is stale; regenerate it with: mvn -pl alert-compiler test -Dtest=RulesCatalogueTest"
                + " -Dalertforge.updateDocs=true")
        .isEqualTo(expected);
  }

  private static String page() {
    StringBuilder page =
        new StringBuilder(
            """
        # Rules

        <!-- Generated from io.alertforge.compiler.diagnostic.Rules by RulesCatalogueTest; do not edit. -->

        Every diagnostic names one of these rules. Ids are stable: scripts and suppressions may rely on them.
        Each finding is printed as `<file>:<line>:<column>: <severity> [<rule>] <message>`, and written to
        `diagnostics.json`. Errors fail the build; warnings fail it with `-Dalert.failOnWarning=true`.

        | rule | severity | what it reports |
        |---|---|---|
        """);
    for (Rule rule : Rules.ALL) {
      page.append("| `")
          .append(rule.id())
          .append("` | ")
          .append(rule.severity().label())
          .append(" | ")
          .append(rule.summary())
          .append(" |\n");
    }
    return page.toString();
  }
}
