package io.alertforge.wavefront.emulator.junit;

import io.alertforge.wavefront.emulator.WavefrontEmulator;
import io.alertforge.wavefront.emulator.auth.TokenRegistry;
import io.alertforge.wavefront.emulator.fault.FaultInjector;
import io.alertforge.wavefront.emulator.requestlog.RequestLog;
import io.alertforge.wavefront.emulator.store.AlertStore;
import java.net.URI;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link WavefrontEmulator} in-process on a free 127.0.0.1 port for JUnit 5/6 tests.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final WavefrontEmulatorExtension wavefront = WavefrontEmulatorExtension.withToken("test-token");
 *
 * @Test void creates() {
 *   URI base = wavefront.baseUri();
 *   wavefront.faults().add(Fault.tooManyRequests(1).on("POST", "/api/v2/alert").once());
 *   ...
 *   assertThat(wavefront.requests().count("POST", "/api/v2/alert")).isEqualTo(2);
 * }
 * }</pre>
 *
 * <p>In a {@code static} field the emulator starts before the first test of the class and stops
 * after the last; in an instance field it starts and stops around each test. Either way, every test
 * begins with the configured state ({@link WavefrontEmulator#reset()}: no alerts, an empty request
 * log, the configured tokens, faults and search lag). Test methods and lifecycle methods may also
 * take a {@link WavefrontEmulator} parameter.
 */
public final class WavefrontEmulatorExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {

  private final WavefrontEmulator.Builder builder;
  private WavefrontEmulator emulator;
  private boolean perClass;

  private WavefrontEmulatorExtension(WavefrontEmulator.Builder builder) {
    this.builder = builder;
  }

  /** An emulator that accepts {@code token} with full permissions. */
  public static WavefrontEmulatorExtension withToken(String token) {
    return new WavefrontEmulatorExtension(WavefrontEmulator.builder().token(token));
  }

  /** An emulator configured by {@code config} (tokens, faults, search lag, clock, ...). */
  public static WavefrontEmulatorExtension configure(Consumer<WavefrontEmulator.Builder> config) {
    WavefrontEmulator.Builder b = WavefrontEmulator.builder();
    config.accept(b);
    return new WavefrontEmulatorExtension(b);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    perClass = true;
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
    perClass = false;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (emulator == null || !emulator.isRunning()) {
      start();
    } else {
      emulator.reset();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!perClass) {
      stop();
    }
  }

  @Override
  public boolean supportsParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == WavefrontEmulator.class;
  }

  @Override
  public Object resolveParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    return emulator();
  }

  private synchronized void start() {
    if (emulator == null || !emulator.isRunning()) {
      emulator = builder.start();
    }
  }

  private synchronized void stop() {
    if (emulator != null) {
      emulator.close();
      emulator = null;
    }
  }

  /** The running emulator. */
  public synchronized WavefrontEmulator emulator() {
    if (emulator == null) {
      throw new IllegalStateException("the Wavefront emulator runs only during tests");
    }
    return emulator;
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI baseUri() {
    return emulator().baseUri();
  }

  public int port() {
    return emulator().port();
  }

  public AlertStore store() {
    return emulator().store();
  }

  public FaultInjector faults() {
    return emulator().faults();
  }

  public RequestLog requests() {
    return emulator().requests();
  }

  public TokenRegistry tokens() {
    return emulator().tokens();
  }

  /** Resets to the configured state now (it happens anyway before each test). */
  public void reset() {
    emulator().reset();
  }
}
