package io.alertforge.wavefront.emulator;

import io.alertforge.wavefront.emulator.auth.Permission;
import io.alertforge.wavefront.emulator.auth.TokenRegistry;
import io.alertforge.wavefront.emulator.fault.Fault;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The standalone program: {@code java -jar wavefront-emulator.jar --port 8080 --token <token>}.
 * Prints one line ({@value WavefrontEmulator#READY_PREFIX}{@code http://127.0.0.1:PORT}) when it is
 * ready and stops cleanly on SIGTERM or Ctrl-C. Never prints a token.
 */
@Command(
    name = "wavefront-emulator",
    mixinStandardHelpOptions = true,
    version = "wavefront-emulator 0.1.0",
    sortOptions = false,
    usageHelpWidth = 110,
    description = {
      "Emulates the Wavefront /api/v2 alert API (alerts, trash, search, tags) over plain HTTP on",
      "127.0.0.1, with fault injection and a request log. Prints one line when ready; stops on SIGTERM.",
      "Admin endpoint (no auth, not logged, never faulted): /_emulator, see docs/wavefront-emulator.md.",
      ""
    },
    footer = {
      "",
      "Fault SPEC: comma-separated items; exactly one of status=CODE | latency=MILLIS | drop,",
      "  plus any of: method=M  path=GLOB (* = one segment, ** = any)  count=N (next N; default all)",
      "  probability=P seed=S  retryAfter=VALUE  message=TEXT  after (handle the request, then fail)",
      "  e.g. --fault status=429,retryAfter=2,method=POST,path=/api/v2/alert,count=3",
      "       --fault drop,method=PUT,path=/api/v2/alert/*,probability=0.1,seed=42",
      "PERMS: comma-separated browse | alerts | full | none (browse reads; alerts also writes).",
      "Exit codes: 0 stopped cleanly, 1 could not start (e.g. port in use), 2 bad arguments."
    })
public final class EmulatorMain {
  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "0",
      description =
          "Port to listen on, on 127.0.0.1 only. 0 picks a free port (printed in the ready line). "
              + "Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(
      names = "--token",
      paramLabel = "TOKEN[:PERMS]",
      description =
          "Accept this API token (Authorization: Bearer or X-AUTH-TOKEN). Without :PERMS it has "
              + "full permissions; with :PERMS exactly those (e.g. tok:browse, tok:none). Repeatable.")
  List<String> tokens = new ArrayList<>();

  @Option(
      names = "--token-readonly",
      paramLabel = "TOKEN",
      description =
          "Accept this token with browse permission only: reads work, writes get 403. Repeatable.")
  List<String> readonlyTokens = new ArrayList<>();

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description =
          "Read tokens from FILE, one TOKEN[:PERMS] per line (blank lines and # comments skipped), "
              + "so that tokens stay off the command line. Repeatable.")
  List<Path> tokenFiles = new ArrayList<>();

  @Option(
      names = "--account",
      paramLabel = "ID",
      defaultValue = TokenRegistry.DEFAULT_ACCOUNT,
      description =
          "Account id the tokens act as (creatorId, updaterId). Default: ${DEFAULT-VALUE}.")
  String account;

  @Option(
      names = "--fault",
      paramLabel = "SPEC",
      description =
          "Install a request fault at start (and after every reset). See SPEC below. Repeatable.")
  List<String> faultSpecs = new ArrayList<>();

  @Option(
      names = "--reject-query",
      paramLabel = "TEXT",
      description =
          "Refuse (400) to save an alert whose condition, displayExpression or a threshold condition "
              + "contains TEXT, as when the query fails on the server. Repeatable.")
  List<String> rejectQueries = new ArrayList<>();

  @Option(
      names = "--search-lag-ms",
      paramLabel = "MILLIS",
      defaultValue = "0",
      description =
          "Search shows a write only MILLIS after it (GET by id never lags). Default: ${DEFAULT-VALUE}.")
  long searchLagMillis;

  @Option(
      names = "--search-lag-requests",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Search shows a write only after N further API requests. Default: ${DEFAULT-VALUE}.")
  int searchLagRequests;

  @Option(
      names = "--search-case-sensitive",
      defaultValue = "false",
      description = "Match search values case-sensitively (default: case-insensitive).")
  boolean searchCaseSensitive;

  @Option(
      names = "--max-email-targets",
      paramLabel = "N",
      defaultValue = "10",
      description =
          "Email targets allowed in one target string before 400. Default: ${DEFAULT-VALUE}.")
  int maxEmailTargets;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "16",
      description =
          "Worker threads (the request queue behind them is bounded too). Default: ${DEFAULT-VALUE}.")
  int threads;

  /** What {@link #launch} did. */
  public record Launch(int exitCode, WavefrontEmulator emulator) {
    /** True when the emulator is running (the ready line was printed). */
    public boolean started() {
      return emulator != null;
    }
  }

  public static void main(String[] args) throws InterruptedException {
    Launch launch = launch(args, System.out, System.err);
    if (!launch.started()) {
      System.exit(launch.exitCode());
      return;
    }
    WavefrontEmulator emulator = launch.emulator();
    Runtime.getRuntime()
        .addShutdownHook(new Thread(emulator::close, "wavefront-emulator-shutdown"));
    emulator.awaitStop();
  }

  /**
   * Parses the arguments and starts the emulator, printing the ready line to {@code out}; or prints
   * help, the version or an error. The caller owns the returned emulator (close it to stop). Never
   * prints a token.
   */
  public static Launch launch(String[] args, PrintStream out, PrintStream err) {
    EmulatorMain options = new EmulatorMain();
    CommandLine cli = new CommandLine(options);
    PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
    try {
      cli.parseArgs(args);
      if (cli.isUsageHelpRequested()) {
        cli.usage(out, CommandLine.Help.Ansi.OFF);
        return new Launch(0, null);
      }
      if (cli.isVersionHelpRequested()) {
        cli.printVersionHelp(out, CommandLine.Help.Ansi.OFF);
        return new Launch(0, null);
      }
    } catch (CommandLine.UnmatchedArgumentException e) {
      // Name the unknown options only: a mistyped --token's value is a secret.
      List<String> names = new ArrayList<>();
      for (String arg : e.getUnmatched()) {
        if (arg.startsWith("-")) {
          names.add(arg.contains("=") ? arg.substring(0, arg.indexOf('=')) + "=..." : arg);
        }
      }
      errWriter.println(
          "wavefront-emulator: unknown or misplaced argument(s)"
              + (names.isEmpty() ? "" : ": " + String.join(", ", names))
              + " (values not shown)");
      errWriter.println("Try 'wavefront-emulator --help' for the options.");
      return new Launch(2, null);
    } catch (CommandLine.ParameterException e) {
      errWriter.println("wavefront-emulator: " + redact(e.getMessage(), args));
      errWriter.println("Try 'wavefront-emulator --help' for the options.");
      return new Launch(2, null);
    }
    WavefrontEmulator.Builder builder;
    try {
      builder = options.toBuilder();
    } catch (IllegalArgumentException | UncheckedIOException e) {
      errWriter.println("wavefront-emulator: " + redact(e.getMessage(), args));
      return new Launch(2, null);
    }
    WavefrontEmulator emulator;
    try {
      emulator = builder.start();
    } catch (RuntimeException e) {
      errWriter.println(
          "wavefront-emulator: cannot start: "
              + e.getMessage()
              + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : ""));
      return new Launch(1, null);
    }
    out.println(WavefrontEmulator.READY_PREFIX + emulator.baseUri());
    out.flush();
    return new Launch(0, emulator);
  }

  WavefrontEmulator.Builder toBuilder() {
    WavefrontEmulator.Builder b =
        WavefrontEmulator.builder()
            .port(port)
            .threads(threads)
            .maxEmailTargets(maxEmailTargets)
            .searchCaseSensitive(searchCaseSensitive)
            .searchLag(Duration.ofMillis(requireNonNegative(searchLagMillis, "--search-lag-ms")))
            .searchLagRequests(
                (int) requireNonNegative(searchLagRequests, "--search-lag-requests"));
    int count = 0;
    for (String t : tokens) {
      addToken(b, t, "--token");
      count++;
    }
    for (String t : readonlyTokens) {
      if (t.isEmpty()) {
        throw new IllegalArgumentException("--token-readonly needs a non-empty token");
      }
      b.token(t, account, Set.of(Permission.BROWSE));
      count++;
    }
    for (Path file : tokenFiles) {
      List<String> lines;
      try {
        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "cannot read --token-file " + file + ": " + e.getClass().getSimpleName());
      }
      for (String line : lines) {
        String l = line.trim();
        if (!l.isEmpty() && !l.startsWith("#")) {
          addToken(b, l, "--token-file " + file);
          count++;
        }
      }
    }
    if (count == 0) {
      throw new IllegalArgumentException(
          "at least one of --token, --token-readonly or --token-file is required");
    }
    for (String spec : faultSpecs) {
      try {
        b.fault(Fault.parse(spec));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("invalid --fault '" + spec + "': " + e.getMessage());
      }
    }
    for (String q : rejectQueries) {
      if (q.isEmpty()) {
        throw new IllegalArgumentException("--reject-query needs a non-empty text");
      }
      b.rejectQuery(q);
    }
    return b;
  }

  private void addToken(WavefrontEmulator.Builder b, String value, String source) {
    int colon = value.lastIndexOf(':');
    String token = colon < 0 ? value : value.substring(0, colon);
    if (token.isEmpty()) {
      throw new IllegalArgumentException(source + " needs a non-empty token");
    }
    Set<Permission> perms;
    try {
      perms = colon < 0 ? Permission.full() : Permission.parseList(value.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      // the message names the permission, never the token
      throw new IllegalArgumentException(source + ": " + e.getMessage());
    }
    b.token(token, account, perms);
  }

  private static long requireNonNegative(long v, String option) {
    if (v < 0) {
      throw new IllegalArgumentException(option + " must be >= 0");
    }
    return v;
  }

  /**
   * Replaces the values given to the token options in a message, so an error never echoes a token.
   */
  static String redact(String message, String[] args) {
    if (message == null) {
      return "invalid arguments";
    }
    String out = message;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      for (String opt : List.of("--token", "--token-readonly")) {
        String secret = null;
        if (a.equals(opt) && i + 1 < args.length) {
          secret = args[i + 1];
        } else if (a.startsWith(opt + "=")) {
          secret = a.substring(opt.length() + 1);
        }
        if (secret != null && !secret.isEmpty()) {
          out = out.replace(secret, "****");
          int colon = secret.lastIndexOf(':');
          if (colon > 0) {
            out = out.replace(secret.substring(0, colon), "****");
          }
        }
      }
    }
    return out;
  }
}
