package io.alertforge.gotemplate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The differential corpus: every case's template run through this engine as alert-manager runs it
 * (html/template in HTML text, {@link GoTemplate#executeAsHtml}) must give exactly the output, or
 * exactly the whole error message, that Go's html/template gave for it (corpus.json, written by
 * src/test/go/corpusgen from cases.txt). A case marked as a known difference must instead give the
 * result it documents, and the number of those is pinned.
 */
class GoTemplateCorpusTest {

  /** Each is listed with its reason in cases.txt; raising this needs a reason there too. */
  private static final int KNOWN_DIFFERENCES = 14;

  private static final JsonNode CORPUS = load();

  private static JsonNode load() {
    try (InputStream in = GoTemplateCorpusTest.class.getResourceAsStream("corpus/corpus.json")) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<JsonNode> cases() {
    List<JsonNode> cases = new ArrayList<>();
    CORPUS.get("cases").forEach(cases::add);
    return cases.stream();
  }

  /** The output, or "error: " and the whole message as Go words it. */
  static String javaResult(String template, Map<String, String> data) {
    try {
      return "output: " + GoTemplate.parse(template).executeAsHtml(data);
    } catch (TemplateException e) {
      return "error: " + e.goMessage();
    }
  }

  private static String expected(JsonNode node, String outputField, String errorField) {
    return node.has(outputField)
        ? "output: " + node.get(outputField).asText()
        : "error: " + node.get(errorField).asText();
  }

  private static Map<String, String> data(JsonNode testCase) {
    JsonNode data = testCase.has("data") ? testCase.get("data") : CORPUS.get("defaultData");
    Map<String, String> params = new LinkedHashMap<>();
    data.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
    return params;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void caseGivesGosResult(JsonNode testCase) {
    String actual = javaResult(testCase.get("template").asText(), data(testCase));
    String go = expected(testCase, "output", "error");
    JsonNode known = testCase.get("knownDifference");
    if (known == null) {
      assertThat(actual).as(testCase.get("name").asText()).isEqualTo(go);
    } else {
      assertThat(actual)
          .as(testCase.get("name").asText() + ": " + known.get("reason").asText())
          .isEqualTo(expected(known, "javaOutput", "javaError"))
          .isNotEqualTo(go);
    }
  }

  @Test
  void knownDifferencesAreFewAndCounted() {
    long known = cases().filter(c -> c.has("knownDifference")).count();
    assertThat(known).isEqualTo(KNOWN_DIFFERENCES);
    assertThat(cases().count()).isGreaterThanOrEqualTo(300);
    assertThat(CORPUS.get("goVersion").asText()).startsWith("go1.19");
  }
}
