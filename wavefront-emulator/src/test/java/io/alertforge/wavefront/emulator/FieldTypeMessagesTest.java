package io.alertforge.wavefront.emulator;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.wavefront.emulator.store.AlertStore;
import io.alertforge.wavefront.emulator.store.AlertStoreException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The whole 400 message for a field of the wrong JSON type, on save and in search. */
class FieldTypeMessagesTest {
  static final ObjectMapper JSON = new ObjectMapper();

  private final AlertStore store = WavefrontEmulator.builder().build().store();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      name                 | 5       | Invalid name specified: 5 (expected a string)
      minutes              | "5"     | Invalid minutes specified: "5" (expected an integer)
      minutes              | 1.5     | Invalid minutes specified: 1.5 (expected an integer)
      evaluateRealtimeData | "yes"   | Invalid evaluateRealtimeData specified: "yes" (expected a boolean)
      severity             | 3       | Invalid severity specified: 3 (expected a string)
      runbookLinks         | [1]     | Invalid runbookLinks specified: expected an array of strings
      """)
  void aWronglyTypedAlertFieldIsNamedWithTheTypeItNeeds(String field, String value, String message)
      throws Exception {
    ObjectNode body = Api.alert("typed");
    body.set(field, JSON.readTree(value));

    assertThatThrownBy(() -> store.create(body, "sa::test"))
        .isInstanceOf(AlertStoreException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      limit  | "2" | Invalid limit specified: "2" (expected an integer)
      offset | 1.5 | Invalid offset specified: 1.5 (expected an integer)
      """)
  void aWronglyTypedSearchFieldIsNamedWithTheTypeItNeeds(String field, String value, String message)
      throws Exception {
    ObjectNode body = JSON.createObjectNode();
    body.set(field, JSON.readTree(value));

    assertThatThrownBy(() -> store.search(body, false))
        .isInstanceOf(AlertStoreException.class)
        .hasMessage(message);
  }
}
