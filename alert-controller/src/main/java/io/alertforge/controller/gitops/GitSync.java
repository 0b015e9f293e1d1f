package io.alertforge.controller.gitops;

import io.alertforge.compiler.AlertCompiler;
import io.alertforge.compiler.source.SourceTree;
import io.alertforge.controller.ops.EventRecorder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The Git source: fetch the branch, compile the tip with {@link AlertCompiler} (the pull-request
 * build's code), guard pruning, apply, and report. A commit with an error finding applies nothing
 * and the cluster keeps the last good commit. Every sync, on the interval or on a webhook, also
 * re-plans against the cluster, so a managed object deleted or edited by hand is put back.
 *
 * <p>The parts: {@link SyncLoop} (when), {@link SyncPipeline} (one sync, with {@link PruneGuard}),
 * {@link SyncReporter} (the status ConfigMap {@code alertforge-git-status}, events on it, the
 * metrics {@code alertforge_git_*}, log lines, and one line on {@code alertforge.audit} per applied
 * commit). This class holds what one sync leaves for the next, and what the admission webhook reads
 * of it.
 */
public final class GitSync implements AutoCloseable {

  /** The outcome of one sync. */
  public enum State {
    /** The commit is applied (possibly nothing to change). */
    Applied,
    /** The commit has error findings: nothing applied. */
    CompileFailed,
    /**
     * The commit is applied except its deletions, which are beyond the prune guard: they wait for
     * approval (the trailer in a later commit, or the flag) or for the objects to come back.
     */
    PruneHeld,
    /** Some objects could not be written; the commit is retried at the next sync. */
    ApplyFailed,
    /** The fetch failed (unreachable, credentials, no branch): nothing changed. */
    FetchFailed
  }

  public record Result(
      State state,
      String commit,
      String message,
      int created,
      int updated,
      int pruned,
      int unchanged) {}

  /**
   * The status key that holds {@code alertforge.yaml} of the applied commit ("" when it has none:
   * the compiler's defaults), written with {@code lastAppliedCommit} in one patch, so that the
   * admission webhook of every replica, the followers' too, checks with the applied policy.
   */
  public static final String APPLIED_POLICY_KEY = "appliedPolicy";

  private final GitSourceSettings settings;
  private final GitFetcher fetcher;
  private final StatusConfigMap status;
  private final SyncPipeline pipeline;
  private final SyncReporter reporter;
  private final SyncLoop loop = new SyncLoop(this::sync);
  private final AtomicBoolean closed = new AtomicBoolean();

  // read without the lock by the admission webhook (fileAtLastAppliedCommit)
  private volatile SyncState state = SyncState.NOTHING_APPLIED;
  private Result lastResult;
  private boolean statusRead;

  /**
   * @param events the replica's event recorder; the Git source's events also carry an event time
   */
  public GitSync(
      KubernetesClient client,
      GitSourceSettings settings,
      AlertCompiler compiler,
      MeterRegistry registry,
      EventRecorder events,
      Clock clock)
      throws IOException {
    this.settings = settings;
    this.fetcher = new GitFetcher(settings);
    this.status = new StatusConfigMap(client, settings);
    this.pipeline =
        new SyncPipeline(
            settings,
            fetcher,
            compiler,
            new GitApplier(client),
            new PruneGuard(settings, fetcher, status),
            clock);
    this.reporter = new StatusReporter(settings, status, fetcher, events, registry, clock);
  }

  /**
   * Syncs now and then every interval, while {@code active} (the leader, with leader election: only
   * one replica writes).
   */
  public GitSync start(BooleanSupplier active) {
    loop.start(settings.interval(), active);
    return this;
  }

  /** Asks for a sync soon (a webhook); requests that arrive while one waits are merged. */
  public void trigger() {
    loop.trigger();
  }

  public synchronized Result lastResult() {
    return lastResult;
  }

  /** Fetches, compiles and applies the branch's tip. Serialised. */
  public synchronized Result sync() {
    String unreadable = statusRead ? null : readStatus();
    SyncOutcome outcome =
        unreadable != null
            ? SyncOutcome.failed(
                state, State.ApplyFailed, null, unreadable + "; nothing applied", null)
            : pipeline.run(state);
    state = outcome.after();
    reporter.report(outcome, lastResult);
    lastResult = outcome.result();
    return lastResult;
  }

  /**
   * Reads back what an earlier process recorded: the prune history and, for the same repository and
   * branch, the last applied commit. Returns why it cannot, or null: until it can, nothing is
   * applied, for a guard that forgot its history could be eroded by a restart.
   */
  private String readStatus() {
    Map<String, String> data;
    try {
      data = status.data();
    } catch (KubernetesClientException e) {
      return "cannot read " + status.description() + ": " + e.getMessage();
    }
    PruneHistory history;
    try {
      history = PruneHistory.parse(data.get(PruneHistory.KEY));
    } catch (IllegalArgumentException e) {
      return status.description()
          + ": "
          + e.getMessage()
          + " (correct the line, or delete the key: that forgets the window's prunes)";
    }
    state = new SyncState(status.appliedHere(data).orElse(state.lastAppliedCommit()), history);
    statusRead = true;
    return null;
  }

  /**
   * The applied commit's {@code alertforge.yaml} as the leader wrote it into the status with the
   * commit ({@link #APPLIED_POLICY_KEY}): what a replica whose own Git source does not sync (a
   * follower) checks with. Empty when no commit of this repository and branch was applied yet.
   *
   * @throws KubernetesClientException when the status cannot be read
   */
  public Optional<String> publishedPolicy() {
    Map<String, String> data = status.data();
    return status.appliedHere(data).isPresent() && data.containsKey(APPLIED_POLICY_KEY)
        ? Optional.of(data.get(APPLIED_POLICY_KEY))
        : Optional.empty();
  }

  /** The commit last applied, or null. */
  public synchronized String lastAppliedCommit() {
    return state.lastAppliedCommit();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      loop.close();
      fetcher.close();
    }
  }

  /**
   * The bytes of a file of the alert repository ({@code path} relative to --git-path) in the commit
   * last applied; empty before the first apply. For the admission webhook: it takes no lock,
   * because a sync holds this object's lock while it writes objects, and the API server waits on
   * the webhook for each write. The unlocked read of the state (immutable) yields this commit or an
   * earlier one; its objects are in the clone already and are read with a walk of their own, never
   * the fetch's.
   *
   * @throws NoSuchFileException when that commit has no such file
   */
  public Optional<byte[]> fileAtLastAppliedCommit(String path) throws IOException {
    String commit = state.lastAppliedCommit();
    if (commit == null) {
      return Optional.empty();
    }
    SourceTree tree = fetcher.tree(fetcher.commit(ObjectId.fromString(commit)));
    if (!tree.isFile(path)) {
      throw new NoSuchFileException(path + " in " + tree.description());
    }
    return Optional.of(tree.read(path));
  }
}
