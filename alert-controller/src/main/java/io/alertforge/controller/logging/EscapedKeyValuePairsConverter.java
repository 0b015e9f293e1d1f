package io.alertforge.controller.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.List;
import org.slf4j.event.KeyValuePair;

/**
 * {@code %escapedKvp}: logback's {@code %kvp} ({@code key="value"}, separated by a space), each key
 * and value escaped so that it stays on its line, and a quote in a value escaped so that it cannot
 * end the value and forge another pair.
 */
public final class EscapedKeyValuePairsConverter extends ClassicConverter {
  @Override
  public String convert(ILoggingEvent event) {
    List<KeyValuePair> pairs = event.getKeyValuePairs();
    if (pairs == null || pairs.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (KeyValuePair kvp : pairs) {
      if (!out.isEmpty()) {
        out.append(' ');
      }
      out.append(LogEscaping.text(String.valueOf(kvp.key)))
          .append("=\"")
          .append(LogEscaping.text(String.valueOf(kvp.value)).replace("\"", "\\\""))
          .append('"');
    }
    return out.toString();
  }
}
