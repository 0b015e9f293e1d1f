package io.alertforge.controller.logging;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.nio.charset.StandardCharsets;

/**
 * logback's JsonEncoder, with the characters it leaves raw but some readers break lines at (U+2028,
 * U+2029, and the C1 controls with NEL) escaped as {@code \}{@code uXXXX}. They can only be inside
 * a JSON string (the encoder writes everything else in ASCII), where the escape means the same
 * character.
 */
public final class LineSafeJsonEncoder extends JsonEncoder {
  @Override
  public byte[] encode(ILoggingEvent event) {
    String line = new String(super.encode(event), StandardCharsets.UTF_8);
    return LogEscaping.json(line).getBytes(StandardCharsets.UTF_8);
  }
}
