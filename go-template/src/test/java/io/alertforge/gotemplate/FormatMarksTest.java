package io.alertforge.gotemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A printf whose format does not fit its arguments: {@code execute} prints fmt's mark as Go does,
 * {@code executeRefusingFormatMarks} refuses it at that printf naming the mark; a value that holds
 * the same text is never taken for one.
 */
class FormatMarksTest {

  private static final Map<String, String> PARAMS = Map.of("app", "shop", "odd", "50%!(NOVERB)");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "x{{ printf \"%d\" .app }}|%!d(string=shop)",
        "x{{ printf \"%\" }}|%!(NOVERB)",
        "x{{ printf \"%s\" }}|%!s(MISSING)",
        "x{{ printf \"%s\" .app .app }}|%!(EXTRA string=shop)",
        "x{{ printf \"%*d\" .app 1 }}|%!(BADWIDTH)",
        "x{{ printf \"%.*d\" .app 1 }}|%!(BADPREC)",
        "x{{ printf \"%[3]s\" .app }}|%!s(BADINDEX)"
      })
  void aMarkIsPrintedByExecuteAndRefusedAtItsPrintf(String text, String mark) throws Exception {
    GoTemplate template = GoTemplate.parse(text);

    assertThat(template.execute(PARAMS)).contains(mark);
    assertThatThrownBy(() -> template.executeRefusingFormatMarks(PARAMS))
        .isInstanceOfSatisfying(
            TemplateExecutionException.class,
            e -> {
              assertThat(e.detail()).endsWith("Go prints " + mark + " into the output");
              assertThat(text.substring(e.offset())).startsWith("printf");
            });
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{{ printf \"%s\" .odd }}",
        "{{ .odd }}",
        "{{ print .odd }}",
        "{{ printf \"%d%%\" 50 }}"
      })
  void aValueHoldingAMarksTextIsNoMark(String text) throws Exception {
    GoTemplate template = GoTemplate.parse(text);

    assertThat(template.executeRefusingFormatMarks(PARAMS)).isEqualTo(template.execute(PARAMS));
  }
}
