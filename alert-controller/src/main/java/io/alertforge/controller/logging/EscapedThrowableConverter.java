package io.alertforge.controller.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import java.util.Arrays;

/**
 * {@code %escapedEx}: logback's stack trace ({@code %ex}), with the message of every exception in
 * it (causes and suppressed ones too) escaped, so that a message cannot forge a log line inside the
 * trace. The frames come from the JVM and stay as they are.
 */
public final class EscapedThrowableConverter extends ThrowableProxyConverter {
  @Override
  protected String throwableProxyToString(IThrowableProxy tp) {
    return super.throwableProxyToString(new Escaped(tp));
  }

  /** The same exception, its messages and class name escaped. */
  private record Escaped(IThrowableProxy tp) implements IThrowableProxy {
    @Override
    public String getOverridingMessage() {
      return LogEscaping.text(tp.getOverridingMessage());
    }

    @Override
    public String getMessage() {
      return LogEscaping.text(tp.getMessage());
    }

    @Override
    public String getClassName() {
      return LogEscaping.text(tp.getClassName());
    }

    @Override
    public StackTraceElementProxy[] getStackTraceElementProxyArray() {
      return tp.getStackTraceElementProxyArray();
    }

    @Override
    public int getCommonFrames() {
      return tp.getCommonFrames();
    }

    @Override
    public IThrowableProxy getCause() {
      return tp.getCause() == null ? null : new Escaped(tp.getCause());
    }

    @Override
    public IThrowableProxy[] getSuppressed() {
      IThrowableProxy[] s = tp.getSuppressed();
      return s == null ? null : Arrays.stream(s).map(Escaped::new).toArray(IThrowableProxy[]::new);
    }

    @Override
    public boolean isCyclic() {
      return tp.isCyclic();
    }
  }
}
