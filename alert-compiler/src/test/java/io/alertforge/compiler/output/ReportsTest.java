package io.alertforge.compiler.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.alertforge.compiler.AlertCompiler;
import io.alertforge.compiler.Compilation;
import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.diagnostic.Severity;
import io.alertforge.compiler.diagnostic.SourcePosition;
import io.alertforge.compiler.lint.RuleCatalogue;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every report format, written from the broken examples and read back. */
class ReportsTest {

  private static List<Diagnostic> diagnostics;

  @TempDir Path out;

  @BeforeAll
  static void compileTheBrokenExamples() throws Exception {
    Path broken =
        Path.of(ReportsTest.class.getResource("/broken/alertforge.yaml").toURI()).getParent();
    Compilation compilation = new AlertCompiler().compile(broken);
    diagnostics = compilation.diagnostics();
    assertThat(diagnostics).hasSizeGreaterThan(10);
  }

  @Test
  void sarifIsValidAgainstTheSarif210SchemaAndCarriesRuleHelp() throws Exception {
    Path file = out.resolve(SarifReport.FILE_NAME);
    SarifReport.write(file, diagnostics, RuleCatalogue.DEFAULT, out, "alerts/");

    JsonNode sarif = new ObjectMapper().readTree(file.toFile());
    Schema schema;
    try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
              .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    List<Error> errors = schema.validate(sarif);
    assertThat(errors).isEmpty();
    JsonNode broken = sarif.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) broken).put("version", "2.0.0");
    ((com.fasterxml.jackson.databind.node.ObjectNode) broken.at("/runs/0/results/0"))
        .put("level", "fatal");
    assertThat(schema.validate(broken))
        .as("the schema does validate")
        .hasSizeGreaterThanOrEqualTo(2);

    JsonNode run = sarif.at("/runs/0");
    assertThat(run.at("/tool/driver/rules")).hasSize(RuleCatalogue.DEFAULT.entries().size());
    assertThat(run.at("/results")).hasSize(diagnostics.size());
    JsonNode first = run.at("/results/0");
    Diagnostic diagnostic = diagnostics.get(0);
    assertThat(first.path("ruleId").asText()).isEqualTo(diagnostic.rule());
    assertThat(run.at("/tool/driver/rules/" + first.path("ruleIndex").asInt() + "/id").asText())
        .isEqualTo(diagnostic.rule());
    assertThat(first.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("alerts/" + diagnostic.position().file());
    assertThat(first.at("/locations/0/physicalLocation/region/startLine").asInt())
        .isEqualTo(diagnostic.position().line());
    JsonNode rule = run.at("/tool/driver/rules/" + first.path("ruleIndex").asInt());
    assertThat(rule.at("/help/markdown").asText()).contains("Reported:", "```yaml");
  }

  @Test
  void junitXmlParsesBackWithOneTestCasePerFindingAndFailuresAtFailOn() throws Exception {
    Path file = out.resolve(JunitReport.FILE_NAME);
    JunitReport.write(file, diagnostics, Severity.ERROR);

    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
    NodeList cases = xml.getElementsByTagName("testcase");
    long errors = diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count();
    assertThat(cases.getLength()).isEqualTo(diagnostics.size());
    assertThat(suite.getAttribute("tests")).isEqualTo(String.valueOf(diagnostics.size()));
    assertThat(suite.getAttribute("failures")).isEqualTo(String.valueOf(errors));
    assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo((int) errors);
    Element firstCase = (Element) cases.item(0);
    assertThat(firstCase.getAttribute("classname")).isEqualTo(diagnostics.get(0).position().file());
    assertThat(firstCase.getTextContent()).isEqualTo(diagnostics.get(0).format());

    JunitReport.write(file, List.of(), Severity.ERROR);
    Document empty = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    assertThat(empty.getElementsByTagName("testcase").getLength()).isEqualTo(1);
    assertThat(empty.getElementsByTagName("failure").getLength()).isZero();
  }

  @Test
  void checkstyleXmlGroupsFindingsByFile() throws Exception {
    Path file = out.resolve(CheckstyleReport.FILE_NAME);
    CheckstyleReport.write(file, diagnostics);

    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    NodeList errors = xml.getElementsByTagName("error");
    assertThat(errors.getLength()).isEqualTo(diagnostics.size());
    Element first = (Element) errors.item(0);
    assertThat(first.getAttribute("source")).isEqualTo("alertforge." + diagnostics.get(0).rule());
    assertThat(((Element) first.getParentNode()).getAttribute("name"))
        .isEqualTo(diagnostics.get(0).position().file());
  }

  @Test
  void githubAnnotationsEscapeTheirPropertiesAndData() {
    List<Diagnostic> two =
        List.of(
            new Diagnostic(
                new SourcePosition("a,b:c.yaml", 3, 7),
                Severity.ERROR,
                "policy/required-tags",
                "100% wrong\nreally"),
            new Diagnostic(SourcePosition.ofFile("x.yaml"), Severity.INFO, "input/symlink", "m"));

    assertThat(GithubAnnotations.lines(two, "alerts/"))
        .containsExactly(
            "::error file=alerts/a%2Cb%3Ac.yaml,line=3,col=7,title=policy/required-tags::100%25 wrong%0Areally",
            "::notice file=alerts/x.yaml,title=input/symlink::m");
  }

  @Test
  void theSummaryTableCountsPerRuleAndSeverity() {
    List<Diagnostic> three =
        List.of(
            new Diagnostic(SourcePosition.ofFile("a"), Severity.ERROR, "b/rule", "m"),
            new Diagnostic(SourcePosition.ofFile("a"), Severity.WARNING, "a/rule", "m"),
            new Diagnostic(SourcePosition.ofFile("a"), Severity.ERROR, "b/rule", "m"));

    assertThat(SummaryTable.lines(three))
        .containsExactly(
            "rule     error warning    info",
            "a/rule       0       1       0",
            "b/rule       2       0       0",
            "total        2       1       0");
  }

  @Test
  void formatsParseAsACommaSeparatedList() {
    assertThat(ReportFormat.parse("console, SARIF,junit"))
        .containsExactly(ReportFormat.CONSOLE, ReportFormat.SARIF, ReportFormat.JUNIT);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReportFormat.parse("console,html"))
        .hasMessage(
            "unknown report format 'html'; use a comma-separated list of console, json, sarif, junit,"
                + " checkstyle, github");
  }
}
