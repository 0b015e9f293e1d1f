package io.alertforge.wavefront.emulator;

import com.sun.net.httpserver.HttpServer;
import io.alertforge.wavefront.emulator.auth.Permission;
import io.alertforge.wavefront.emulator.auth.TokenRegistry;
import io.alertforge.wavefront.emulator.fault.Fault;
import io.alertforge.wavefront.emulator.fault.FaultInjector;
import io.alertforge.wavefront.emulator.requestlog.RequestLog;
import io.alertforge.wavefront.emulator.store.AlertStore;
import io.alertforge.wavefront.emulator.store.SearchLag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An emulator of the Wavefront {@code /api/v2} alert API, served over plain HTTP/1.1 on 127.0.0.1
 * by the JDK's {@link HttpServer} with a bounded thread pool.
 *
 * <pre>{@code
 * try (WavefrontEmulator wf = WavefrontEmulator.builder().token("secret").start()) {
 *   URI base = wf.baseUri();                       // http://127.0.0.1:<port>
 *   wf.faults().add(Fault.tooManyRequests(2).on("POST", "/api/v2/alert").once());
 *   ... exercise a client ...
 *   assertEquals(2, wf.requests().count("POST", "/api/v2/alert"));
 * }
 * }</pre>
 *
 * <p>{@link #reset()} goes back to the configured state: no alerts, an empty request log, the
 * configured tokens, faults (with fresh counts), rejected queries and search lag.
 */
public final class WavefrontEmulator implements AutoCloseable {
  /** The host it binds to. Never anything else. */
  public static final String HOST = "127.0.0.1";

  /** The standalone program prints this followed by the base URI when it is ready. */
  public static final String READY_PREFIX = "wavefront-emulator listening on ";

  static {
    // The JDK HttpServer writes the status line and headers, flushes, then writes the body. Without
    // TCP_NODELAY that second small write waits for the client's delayed ACK: about 40 ms per
    // request on
    // Linux. The JDK reads this property once, when the first HttpServer of the JVM is created, so
    // set it
    // on the command line (-Dsun.net.httpserver.nodelay=true) if something else starts one earlier.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final EmulatorConfig config;
  private final AtomicLong requestSeq = new AtomicLong();
  private final TokenRegistry tokens = new TokenRegistry();
  private final FaultInjector faults = new FaultInjector(new SearchLag());
  private final RequestLog requests;
  private final AlertStore store;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private HttpServer server;
  private ThreadPoolExecutor executor;
  private volatile boolean running;
  private volatile boolean closed;

  private WavefrontEmulator(EmulatorConfig config) {
    this.config = config;
    this.requests = new RequestLog(config.requestLogCapacity());
    this.store =
        new AlertStore(
            config.clock(), faults.searchLag(), requestSeq::get, faults, config.maxEmailTargets());
    config.tokens().forEach(t -> tokens.add(t.token(), t.account(), t.permissions()));
    tokens.snapshotAsInitial();
    config.restore(store, faults, requests, tokens);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Binds 127.0.0.1 on the configured port (0: a free one) and starts serving. */
  public synchronized WavefrontEmulator start() {
    if (closed) {
      throw new IllegalStateException("this emulator was closed; build a new one");
    }
    if (running) {
      return this;
    }
    try {
      server =
          HttpServer.create(new InetSocketAddress(InetAddress.getByName(HOST), config.port()), 128);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind " + HOST + ":" + config.port(), e);
    }
    AtomicInteger threadNo = new AtomicInteger();
    executor =
        new ThreadPoolExecutor(
            config.threads(),
            config.threads(),
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(config.queueCapacity()),
            r -> {
              Thread t = new Thread(r, "wavefront-emulator-" + threadNo.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.CallerRunsPolicy());
    ApiHandler api = new ApiHandler(store, faults, requests, tokens, requestSeq, config.clock());
    AdminHandler admin = new AdminHandler(baseUri(), config, store, faults, requests, tokens);
    server.createContext(
        "/",
        exchange -> {
          try {
            String path = exchange.getRequestURI().getPath();
            if (path != null
                && (path.equals(AdminHandler.PREFIX)
                    || path.startsWith(AdminHandler.PREFIX + "/"))) {
              admin.handle(exchange);
            } else {
              api.handle(exchange);
            }
          } catch (IOException | RuntimeException e) {
            System.getLogger(WavefrontEmulator.class.getName())
                .log(System.Logger.Level.DEBUG, "request failed: " + e.getClass().getSimpleName());
          } finally {
            exchange.close();
          }
        });
    server.setExecutor(executor);
    server.start();
    running = true;
    return this;
  }

  /** The bound port (only while running). */
  public int port() {
    if (server == null) {
      throw new IllegalStateException("not started");
    }
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:<port>}; the API lives under {@code /api/v2}. */
  public URI baseUri() {
    return URI.create("http://" + HOST + ":" + port());
  }

  /**
   * The alerts; its Java API bypasses the request log and faults (e.g. to seed data or edit "in the
   * UI").
   */
  public AlertStore store() {
    return store;
  }

  public FaultInjector faults() {
    return faults;
  }

  public RequestLog requests() {
    return requests;
  }

  public TokenRegistry tokens() {
    return tokens;
  }

  public boolean isRunning() {
    return running;
  }

  /**
   * Back to the configured state; see the class comment. The server keeps running on the same port.
   */
  public void reset() {
    config.restore(store, faults, requests, tokens);
  }

  /** Blocks until {@link #close()} has stopped the server. */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /** Stops serving at once; in-flight requests are abandoned. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    running = false;
    try {
      if (server != null) {
        server.stop(0);
      }
    } finally {
      if (executor != null) {
        executor.shutdownNow();
        try {
          executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      stopped.countDown();
    }
  }

  /**
   * Configuration. Every setting has a default; add at least one token or every API call gets 401.
   */
  public static final class Builder {
    private int port;
    private final List<EmulatorConfig.TokenSpec> tokens = new ArrayList<>();
    private final List<Fault> faults = new ArrayList<>();
    private final List<String> rejectedQueries = new ArrayList<>();
    private long searchLagMillis;
    private int searchLagRequests;
    private boolean searchCaseSensitive;
    private int threads = 16;
    private int queueCapacity = 1024;
    private int maxEmailTargets = 10;
    private int requestLogCapacity = 200_000;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The port to bind on 127.0.0.1; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535");
      }
      this.port = port;
      return this;
    }

    /**
     * A token with full permissions (browse and alerts), acting as {@value
     * TokenRegistry#DEFAULT_ACCOUNT}.
     */
    public Builder token(String token) {
      return token(token, TokenRegistry.DEFAULT_ACCOUNT, Permission.full());
    }

    /** A token with exactly these permissions; none at all gives 403 on every call. */
    public Builder token(String token, Permission... permissions) {
      Set<Permission> set = EnumSet.noneOf(Permission.class);
      set.addAll(List.of(permissions));
      return token(token, TokenRegistry.DEFAULT_ACCOUNT, set);
    }

    public Builder token(String token, String account, Set<Permission> permissions) {
      if (token == null || token.isEmpty()) {
        throw new IllegalArgumentException("token must not be empty");
      }
      tokens.add(new EmulatorConfig.TokenSpec(token, account, Set.copyOf(permissions)));
      return this;
    }

    /** A fault installed at start and again (with a fresh count) on every reset. */
    public Builder fault(Fault fault) {
      faults.add(fault);
      return this;
    }

    public Builder rejectQuery(String containing) {
      rejectedQueries.add(containing);
      return this;
    }

    public Builder searchLag(Duration lag) {
      this.searchLagMillis = lag.toMillis();
      return this;
    }

    public Builder searchLagRequests(int requests) {
      this.searchLagRequests = requests;
      return this;
    }

    /** Case-sensitive search matching; by default matching ignores case ([assume]). */
    public Builder searchCaseSensitive(boolean value) {
      this.searchCaseSensitive = value;
      return this;
    }

    /** Worker threads (default 16); the queue behind them is bounded too. */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1");
      }
      this.threads = threads;
      return this;
    }

    public Builder queueCapacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("queue capacity must be >= 1");
      }
      this.queueCapacity = capacity;
      return this;
    }

    /** Email targets allowed in one target string (default 10, as documented). */
    public Builder maxEmailTargets(int max) {
      this.maxEmailTargets = max;
      return this;
    }

    /** Entries the request log keeps (default 200,000); the oldest are dropped first. */
    public Builder requestLogCapacity(int capacity) {
      this.requestLogCapacity = capacity;
      return this;
    }

    /** Time source for timestamps, ids and the search lag (tests can pass a controllable clock). */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Builds without starting. */
    public WavefrontEmulator build() {
      return new WavefrontEmulator(
          new EmulatorConfig(
              port,
              threads,
              queueCapacity,
              requestLogCapacity,
              maxEmailTargets,
              clock,
              tokens,
              faults,
              rejectedQueries,
              searchLagMillis,
              searchLagRequests,
              searchCaseSensitive));
    }

    /** Builds and starts. */
    public WavefrontEmulator start() {
      return build().start();
    }
  }
}
