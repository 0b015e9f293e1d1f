package io.alertforge.controller.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %escapedMsg}: logback's {@code %msg}, escaped so that it stays on its line. */
public final class EscapedMessageConverter extends MessageConverter {
  @Override
  public String convert(ILoggingEvent event) {
    return LogEscaping.text(super.convert(event));
  }
}
