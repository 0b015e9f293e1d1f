package io.alertforge.compiler.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.diagnostic.Diagnostics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SafeYamlReaderTest {

  private final Diagnostics diagnostics = new Diagnostics();
  private final SafeYamlReader reader = new SafeYamlReader(YamlLimits.DEFAULT);

  private List<YamlDocument> read(String yaml) {
    return reader.read("f.yaml", yaml.getBytes(StandardCharsets.UTF_8), diagnostics);
  }

  private List<String> findings() {
    return diagnostics.sorted().stream().map(Diagnostic::format).toList();
  }

  @Test
  void keepsThePositionOfEveryKeyAndValue() {
    YamlDocument document =
        read("""
        a: 1
        b:
          c: [x, "y"]
          d:
            - e: true
        """)
            .get(0);

    assertThat(document.keyAt("/b/c").toString()).isEqualTo("f.yaml:3:3");
    assertThat(document.valueAt("/b/c").toString()).isEqualTo("f.yaml:3:6");
    assertThat(document.valueAt("/b/c/1").toString()).isEqualTo("f.yaml:3:10");
    assertThat(document.keyAt("/b/d/0/e").toString()).isEqualTo("f.yaml:5:7");
    assertThat(document.valueAt("/b/missing").toString())
        .as("nearest ancestor")
        .isEqualTo("f.yaml:3:3");
    assertThat(document.content().at("/b/d/0/e").isBoolean()).isTrue();
    assertThat(findings()).isEmpty();
  }

  @Test
  void placesCharactersInsidePlainQuotedAndLiteralScalars() {
    YamlDocument document =
        read("""
        plain: abc {{ x }}
        quoted: "a\\tb {{ x }}"
        single: 'it''s {{ x }}'
        block: |
          line one
            {{ x }}
        """)
            .get(0);

    assertThat(document.charAt("/plain", 4).toString()).isEqualTo("f.yaml:1:12");
    assertThat(document.charAt("/quoted", 4).toString())
        .as("after an escape")
        .isEqualTo("f.yaml:2:15");
    assertThat(document.charAt("/single", 5).toString())
        .as("after a doubled quote")
        .isEqualTo("f.yaml:3:16");
    assertThat(document.charAt("/block", 11).toString())
        .as("second line, kept indentation")
        .isEqualTo("f.yaml:6:5");
  }

  @Test
  void readsYaml11ScalarsAsKubernetesDoes() {
    YamlDocument document =
        read("""
        int: 10
        octal: 010
        text: "10"
        flag: yes
        empty:
        float: 1.5
        """)
            .get(0);

    assertThat(document.content().get("int").isIntegralNumber()).isTrue();
    assertThat(document.content().get("octal").asInt()).isEqualTo(8);
    assertThat(document.content().get("text").isTextual()).isTrue();
    assertThat(document.content().get("flag").asBoolean()).isTrue();
    assertThat(document.content().get("empty").isNull()).isTrue();
    assertThat(document.content().get("float").isDouble()).isTrue();
  }

  @Test
  void reportsEveryDuplicateKeyWithBothPositions() {
    read(
        """
        a: 1
        b:
          x: 1
          x: 2
        a: 3
        """);

    assertThat(findings())
        .containsExactly(
            "f.yaml:4:3: error [yaml/duplicate-key] duplicate key 'x' (first at line 3); keep one, since tools disagree on which one wins",
            "f.yaml:5:1: error [yaml/duplicate-key] duplicate key 'a' (first at line 1); keep one, since tools disagree on which one wins");
  }

  @Test
  void stopsABillionLaughsBombWithAClearError() {
    StringBuilder bomb =
        new StringBuilder(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char level = 'b'; level <= 'j'; level++) {
      char previous = (char) (level - 1);
      bomb.append(level).append(": &").append(level).append(" [");
      for (int i = 0; i < 9; i++) {
        bomb.append(i == 0 ? "" : ",").append('*').append(previous);
      }
      bomb.append("]\n");
    }

    List<YamlDocument> documents = read(bomb.toString());

    assertThat(documents).isEmpty();
    assertThat(findings())
        .singleElement()
        .asString()
        .contains("error [yaml/limit] more than 50 aliases to collections (a YAML bomb?)");
  }

  @Test
  void boundsNodeCountAfterAliasExpansion() {
    SafeYamlReader small = new SafeYamlReader(new YamlLimits(1 << 20, 50, 64, 100));
    small.read(
        "f.yaml",
        "a: &a [1,2,3,4,5,6,7,8,9,10]\nb: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            .getBytes(StandardCharsets.UTF_8),
        diagnostics);

    assertThat(findings())
        .singleElement()
        .asString()
        .startsWith("f.yaml:2:")
        .contains("[yaml/limit] more than 100 nodes");
  }

  @Test
  void placesTheAliasLimitAtTheFirstAliasOverIt() {
    StringBuilder yaml = new StringBuilder("a: &a [x]\n");
    for (int i = 0; i < 60; i++) {
      yaml.append("b").append(i).append(": *a\n");
    }

    read(yaml.toString());

    // The 51st alias to a collection, on line 52: "b50: *a".
    assertThat(findings())
        .containsExactly(
            "f.yaml:52:6: error [yaml/limit] more than 50 aliases to collections (a YAML bomb?);"
                + " expand the anchors or split the file");
  }

  @Test
  void placesTheDepthLimitAtTheCollectionOneLevelTooDeep() {
    SafeYamlReader shallow = new SafeYamlReader(new YamlLimits(1 << 20, 50, 5, 1000));

    shallow.read(
        "f.yaml", "ok: 1\na: [[[[[[[[1]]]]]]]]\n".getBytes(StandardCharsets.UTF_8), diagnostics);

    // The document's mapping is the first level, the fifth '[' the sixth.
    assertThat(findings())
        .containsExactly(
            "f.yaml:2:8: error [yaml/limit] nesting deeper than 5 levels; flatten the document");
  }

  @Test
  void rejectsARecursiveAliasInsteadOfLooping() {
    read("a: &a\n  - *a\n");

    assertThat(findings()).singleElement().asString().contains("[yaml/limit]");
  }

  @Test
  void rejectsCustomTagsAndMergeKeys() {
    read(
        """
        a: !!python/object:os.system ls
        ---
        base: &base {x: 1}
        child:
          <<: *base
        """);

    assertThat(findings())
        .containsExactly(
            "f.yaml:1:4: error [yaml/tag] tag tag:yaml.org,2002:python/object:os.system is not allowed: alert files hold plain data only; remove the tag",
            "f.yaml:5:3: error [yaml/tag] merge keys (<<) are not supported; write the fields out");
  }

  @Test
  void reportsInvalidUtf8AtItsLineAndColumn() {
    byte[] bytes = "a: ok\nb: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

    List<YamlDocument> documents = reader.read("f.yaml", bytes, diagnostics);

    assertThat(documents).isEmpty();
    assertThat(findings())
        .containsExactly(
            "f.yaml:2:7: error [yaml/encoding] invalid UTF-8 byte 0xe9; save the file as UTF-8");
  }

  @Test
  void acceptsAByteOrderMark() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = "a: 1\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, bytes, 0, bom.length);
    System.arraycopy(text, 0, bytes, bom.length, text.length);

    assertThat(reader.read("f.yaml", bytes, diagnostics)).hasSize(1);
    assertThat(findings()).isEmpty();
  }

  @Test
  void refusesAFileOverTheSizeLimitWithoutParsingIt() {
    SafeYamlReader small = new SafeYamlReader(new YamlLimits(10, 50, 64, 1000));

    small.read("f.yaml", "a: 12345678901\n".getBytes(StandardCharsets.UTF_8), diagnostics);

    assertThat(findings())
        .containsExactly(
            "f.yaml:1:11: error [yaml/limit] file is 15 bytes, over the limit of 10 bytes; split it into smaller files");
  }

  @Test
  void keepsTheDocumentsBeforeASyntaxError() {
    List<YamlDocument> documents =
        read(
            """
        a: 1
        ---
        b: 2
        ---
        c: [unclosed
        """);

    assertThat(documents).hasSize(2);
    assertThat(findings()).singleElement().asString().startsWith("f.yaml:6:1: error [yaml/syntax]");
  }

  @Test
  void explainsAnUnquotedTemplateValue() {
    read("severity: {{ .sev }}\n");

    assertThat(findings())
        .singleElement()
        .asString()
        .startsWith("f.yaml:1:")
        .contains("[yaml/syntax]")
        .contains("must be quoted");
  }

  @Test
  void skipsEmptyDocuments() {
    assertThat(read("---\n---\na: 1\n---\n")).hasSize(1);
  }
}
