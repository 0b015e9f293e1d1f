package io.alertforge.compiler.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.compiler.diagnostic.Diagnostics;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A character of a scalar's value is placed at the text it came from, in every scalar style. Each
 * case holds the marker {@code XQZ} once in the file; the expected position is where the marker is
 * in the file's text, so no expected line or column is written by hand.
 */
class ScalarPositionTest {

  private static final String MARK = "XQZ";

  static Stream<Arguments> scalars() {
    List<String> values =
        List.of(
            "cond: ts(a) > XQZ",
            "cond: 'ts(\"a\") > XQZ'",
            "cond: 'it''s ''XQZ'''",
            "cond: \"ts(\\\"a\\\") \\t\\u00e9 > XQZ\"",
            "cond: \"\\U0001F600 XQZ\"",
            "cond: ts(a)\n  and ts(b)\n  > XQZ",
            "cond: ts(a)\n\n  and XQZ",
            "cond: 'ts(a)   \n    and\n\n  XQZ'",
            "cond: \"ts(a) \\\n    and XQZ\"",
            "cond: \"ts(a)\n\n   \\\"q\\\" XQZ\"",
            "cond: |\n  ts(a)\n    > 5\n  and XQZ\n",
            "cond: |-\n  ts(a)\n\n  and XQZ\nnext: 1\n",
            "cond: |+\n  ts(a) XQZ\n\nnext: 1\n",
            "cond: >\n  ts(a)\n  and XQZ\n",
            "cond: >-\n  ts(a)\n  > 5\n\n  and\n    ts(b)\n  or XQZ\nnext: 1\n",
            "cond: >+\n  ts(a)\n   more\n  XQZ\n\n",
            "outer:\n  inner: >-\n      ts(a) > 80\n      and ts(b) > XQZ\n",
            "list:\n  - >-\n    avg(ts(a))\n    > XQZ\n",
            "cond: >-\n  ts(a)   \n  and XQZ\n");
    List<Arguments> cases = new ArrayList<>();
    for (String yaml : values) {
      for (String lineBreak : List.of("\n", "\r\n")) {
        for (boolean bom : List.of(false, true)) {
          cases.add(Arguments.of(yaml.replace("\n", lineBreak), bom));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest
  @MethodSource("scalars")
  void aValueCharacterIsPlacedAtItsText(String yaml, boolean bom) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    if (bom) {
      bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    bytes.write(yaml.getBytes(StandardCharsets.UTF_8));
    Diagnostics diagnostics = new Diagnostics();
    List<YamlDocument> documents =
        new SafeYamlReader(YamlLimits.DEFAULT).read("f.yaml", bytes.toByteArray(), diagnostics);
    assertThat(diagnostics.sorted()).isEmpty();
    YamlDocument document = documents.get(0);
    String pointer = pointerToTheMarker(document);
    int offset = document.content().at(pointer).asText().indexOf(MARK);

    assertThat(document.charAt(pointer, offset).toString())
        .as("%s", yaml)
        .isEqualTo("f.yaml:" + expected(yaml));
  }

  private static String pointerToTheMarker(YamlDocument document) {
    for (String pointer : List.of("/cond", "/outer/inner", "/list/0", "/next", "/outer", "/list")) {
      if (document.content().at(pointer).asText().contains(MARK)) {
        return pointer;
      }
    }
    throw new AssertionError("no marker in " + document.content());
  }

  /** 1-based line and column of the marker in the file's text, counting lines by line feeds. */
  private static String expected(String yaml) {
    int at = yaml.indexOf(MARK);
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < at; i++) {
      if (yaml.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return line + ":" + (at - lineStart + 1);
  }
}
