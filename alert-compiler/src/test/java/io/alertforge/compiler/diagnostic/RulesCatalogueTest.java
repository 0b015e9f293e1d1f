package io.alertforge.compiler.diagnostic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.compiler.lint.Findings;
import io.alertforge.compiler.lint.LintContext;
import io.alertforge.compiler.lint.LintRule;
import io.alertforge.compiler.lint.RuleCatalogue;
import io.alertforge.compiler.lint.template.UnusedParamRule;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/rules.md} and the rule ids of alertforge.yaml's schema are generated from the {@link
 * RuleCatalogue}; this test fails when either is stale, when a rule lacks an example, or when the
 * schema's options and the rules' disagree.
 */
class RulesCatalogueTest {

  private static final Path ROOT =
      Path.of(System.getProperty("alertforge.repoRoot", "..")).toAbsolutePath().normalize();

  private static final Path PAGE = ROOT.resolve("docs/rules.md");

  private static final Path SCHEMA =
      ROOT.resolve("schemas/src/main/resources/io/alertforge/schemas/alertforge.schema.json");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What alertforge.yaml may set for every configurable rule, beside its options. */
  private static final String SETTINGS =
      """
      {
        "enabled": {
          "type": "boolean",
          "description": "false turns the rule off (default true)."
        },
        "severity": {
          "enum": ["error", "warning", "info"],
          "description": "Overrides the rule's default severity."
        },
        "paths": {
          "type": "array",
          "items": {"type": "string", "minLength": 1},
          "description": "Path globs (relative to the repository, ** across directories): \
      the rule reports only in matching files."
        },
        "namespaces": {
          "type": "array",
          "items": {"$ref": "#/$defs/namespace"},
          "description": "The rule reports only about alerts of these namespaces."
        }
      }""";

  private static final List<Rule> ENTRIES = RuleCatalogue.DEFAULT.entries();

  @Test
  void everyRuleHasADocWithABadAndAGoodExample() {
    for (Rule entry : ENTRIES) {
      assertThat(entry.bad()).as(entry.id() + " bad example").isNotBlank();
      assertThat(entry.good()).as(entry.id() + " good example").isNotBlank();
      assertThat(entry.description()).as(entry.id()).isNotBlank();
    }
  }

  @Test
  void everyRuleDeclaredInRulesIsInTheCatalogue() throws IllegalAccessException {
    List<Rule> declared = new ArrayList<>();
    for (Field field : Rules.class.getDeclaredFields()) {
      if (field.getType() == Rule.class && Modifier.isStatic(field.getModifiers())) {
        declared.add((Rule) field.get(null));
      }
    }
    assertThat(declared).isNotEmpty();
    assertThat(ENTRIES).containsAll(declared);
    assertThat(ENTRIES).hasSize(declared.size() + RuleCatalogue.DEFAULT.checks().size());
  }

  @Test
  void theConfigurationSchemaKnowsExactlyTheConfigurableRulesAndTheirOptions() throws IOException {
    JsonNode schema;
    try (InputStream in =
        getClass().getResourceAsStream("/io/alertforge/schemas/alertforge.schema.json")) {
      schema = JSON.readTree(in);
    }
    JsonNode rules = schema.at("/properties/rules/properties");
    Set<String> configurable = new TreeSet<>();
    ENTRIES.stream().filter(Rule::configurable).forEach(e -> configurable.add(e.id()));
    Set<String> inSchema = new TreeSet<>();
    rules.fieldNames().forEachRemaining(inSchema::add);
    assertThat(inSchema).isEqualTo(configurable);
    Set<String> locked = new TreeSet<>();
    schema.at("/properties/locked/items/enum").forEach(id -> locked.add(id.asText()));
    assertThat(locked).isEqualTo(configurable);
    for (Rule entry : ENTRIES) {
      if (entry.configurable()) {
        Set<String> options = new TreeSet<>();
        rules
            .path(entry.id())
            .at("/properties/options/properties")
            .fieldNames()
            .forEachRemaining(options::add);
        assertThat(options).as(entry.id() + " options").isEqualTo(entry.options().keySet());
      }
    }
  }

  @Test
  void docsRulesPageIsCurrent() throws IOException {
    String expected = page();
    if (Boolean.getBoolean("alertforge.updateDocs")) {
      Files.writeString(PAGE, expected);
    }
    assertThat(Files.readString(PAGE))
        .as(
            "docs/rules.md is stale; regenerate it with: mvn -B -pl alert-compiler -am test"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dtest=RulesCatalogueTest"
                + " -Dalertforge.updateDocs=true")
        .isEqualTo(expected);
  }

  /**
   * alertforge.yaml's schema names exactly the configurable rules of the catalogue (under {@code
   * rules} in catalogue order, and in {@code locked}); the shape of each rule's options stays as
   * written in the schema.
   */
  @Test
  void configurationSchemaIsCurrent() throws IOException {
    JsonNode expected = schema(JSON.readTree(SCHEMA.toFile()));
    if (Boolean.getBoolean("alertforge.updateDocs")) {
      DefaultIndenter lines = new DefaultIndenter("  ", "\n");
      Separators separators =
          Separators.createDefaultInstance()
              .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
              .withObjectEmptySeparator("")
              .withArrayEmptySeparator("");
      Files.writeString(
          SCHEMA,
          JSON.writer(
                      new DefaultPrettyPrinter(separators)
                          .withObjectIndenter(lines)
                          .withArrayIndenter(lines))
                  .writeValueAsString(expected)
              + "\n");
    }
    assertThat(JSON.readTree(SCHEMA.toFile()))
        .as(
            "alertforge.schema.json does not name the catalogue's configurable rules; regenerate it"
                + " with: mvn -B -pl alert-compiler -am test -Dsurefire.failIfNoSpecifiedTests=false"
                + " -Dtest=RulesCatalogueTest -Dalertforge.updateDocs=true")
        .isEqualTo(expected);
  }

  private static JsonNode schema(JsonNode current) throws IOException {
    ObjectNode schema = current.deepCopy();
    JsonNode currentRules = current.at("/properties/rules/properties");
    ObjectNode rules = ((ObjectNode) schema.at("/properties/rules")).putObject("properties");
    ArrayNode locked = ((ObjectNode) schema.at("/properties/locked/items")).putArray("enum");
    for (Rule entry : ENTRIES) {
      if (entry.configurable()) {
        ObjectNode settings = rules.putObject(entry.id());
        settings.put("type", "object").put("additionalProperties", false);
        ObjectNode properties = (ObjectNode) JSON.readTree(SETTINGS);
        JsonNode options = currentRules.path(entry.id()).at("/properties/options");
        if (!options.isMissingNode()) {
          properties.set("options", options);
        }
        settings.set("properties", properties);
      }
    }
    ENTRIES.stream().filter(Rule::configurable).map(Rule::id).sorted().forEach(locked::add);
    return schema;
  }

  /** The categories of the rule engine's own checks, and of the policy pack. */
  private static final Set<String> ENGINE = Set.of("config", "suppression");

  private static final Set<String> POLICY_PACK = Set.of("policy", "security", "namespace");

  private static long count(Set<String> categories) {
    return ENTRIES.stream().filter(e -> categories.contains(e.id().split("/")[0])).count();
  }

  private static String page() {
    StringBuilder page =
        new StringBuilder(
            """
        # Rules

        <!-- Generated from io.alertforge.compiler.lint.RuleCatalogue by RulesCatalogueTest; do not edit. -->

        Every diagnostic names one of these rules. Ids are stable: scripts and suppressions may rely on them.
        Each finding is printed as `<file>:<line>:<column>: <severity> [<rule>] <message>`, and written to
        `diagnostics.json` (and the other report formats). Findings at or above `alert.failOn`
        (`error` by default) fail the build.

        A rule marked *configurable* can be disabled, re-graded, scoped to paths and namespaces, and
        given options under `rules:` in `alertforge.yaml`, and its findings can be suppressed with a
        comment (unless the rule is `locked`); see [configuration.md](configuration.md). The others
        are errors that stop an alert from rendering correctly: they always apply.

        %d rules: %d checks of the compiler, %d of the rule engine (configuration and suppressions),
        and %d policy, security and namespace rules.

        | rule | severity | configurable | what it reports |
        |---|---|---|---|
        """
                .formatted(
                    ENTRIES.size(),
                    ENTRIES.size() - count(ENGINE) - count(POLICY_PACK),
                    count(ENGINE),
                    count(POLICY_PACK)));
    for (Rule entry : ENTRIES) {
      page.append("| [`")
          .append(entry.id())
          .append("`](#")
          .append(entry.id().replace("/", ""))
          .append(") | ")
          .append(entry.severity().label())
          .append(" | ")
          .append(entry.configurable() ? "yes" : "no")
          .append(" | ")
          .append(entry.summary())
          .append(" |\n");
    }
    for (Rule entry : ENTRIES) {
      page.append("\n## ").append(entry.id()).append("\n\n");
      page.append("Default severity: ")
          .append(entry.severity().label())
          .append(entry.configurable() ? "; configurable." : "; always applies.")
          .append("\n\n");
      String description = entry.description().strip().replaceAll("\\s*\\n\\s*", " ");
      page.append(description).append("\n");
      if (!entry.options().isEmpty()) {
        page.append("\n| option | meaning |\n|---|---|\n");
        new TreeMap<>(entry.options())
            .forEach(
                (name, meaning) ->
                    page.append("| `").append(name).append("` | ").append(meaning).append(" |\n"));
      }
      page.append("\nReported:\n\n```yaml\n")
          .append(entry.bad().stripIndent().replaceAll("^\\n+", "").stripTrailing())
          .append("\n```\n\nFixed:\n\n```yaml\n")
          .append(entry.good().stripIndent().replaceAll("^\\n+", "").stripTrailing())
          .append("\n```\n");
    }
    return page.toString();
  }

  @Test
  void aRuleIdDeclaredTwiceIsRefused() {
    assertThatThrownBy(
            () ->
                RuleCatalogue.DEFAULT.withChecks(
                    List.of(new UnusedParamRule(), new UnusedParamRule())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("rule id used twice: template/unused-param");
    assertThatThrownBy(() -> RuleCatalogue.DEFAULT.withChecks(List.of(new Shadow())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("rule id used twice: yaml/syntax");
  }

  /** A rule class with the id of a check of the compiler. */
  private static final class Shadow extends LintRule<Void> {
    Shadow() {
      super(Rule.configurable(Rules.YAML_SYNTAX.id(), Severity.ERROR, "Shadows yaml/syntax."));
    }

    @Override
    public void check(LintContext context, Void options, Findings findings) {}
  }

  @Test
  void ruleIdsAreUnique() {
    List<String> ids = new ArrayList<>();
    ENTRIES.forEach(e -> ids.add(e.id()));
    assertThat(ids).doesNotHaveDuplicates();
  }
}
