package io.alertforge.controller.reconcile;

import io.alertforge.controller.crd.Conditions;
import io.alertforge.controller.crd.State;
import io.alertforge.controller.crd.WavefrontAlert;
import io.alertforge.controller.crd.WavefrontAlertStatus;
import io.alertforge.controller.wavefront.WavefrontClient;
import io.alertforge.controller.wavefront.WavefrontException;
import io.alertforge.model.BurnInWindow;
import io.alertforge.model.ConcreteAlert;
import io.alertforge.model.OwnershipTag;
import io.alertforge.model.RenamedFrom;
import io.alertforge.model.WavefrontRequest;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Keeps one Wavefront alert equal to each non-template {@code WavefrontAlert}, in four steps: the
 * inputs (the desired alert from the model's mapping, the status, and the live alerts {@link
 * AlertLookup} reads), the plan ({@link SyncPlan#decide}, pure), the effects ({@link
 * WavefrontWrites}) and the status ({@link StatusUpdate}, pure). Whatever happens is told to one
 * {@link SyncListener}, which writes the events, the audit log and the metrics.
 *
 * <p>Errors: a spec Wavefront rejects (400) or that is malformed is reported and waits for a new
 * spec; a bad token (401/403) is reported and retried after {@code authRetry}; a Retry-After pause
 * reschedules the CR for its end; a create whose outcome is unknown is searched for again before
 * any second create; anything else is thrown, so JOSDK retries that CR alone with exponential
 * backoff.
 */
public class WavefrontAlertReconciler
    implements Reconciler<WavefrontAlert>, Cleaner<WavefrontAlert> {

  /**
   * The finalizer. keikoproj's ({@code wavefrontalert.finalizers.alertmanager.keikoproj.io}) is not
   * a qualified name (no {@code /}), which JOSDK refuses; see docs/controller.md for switching.
   */
  public static final String FINALIZER = "alertforge.io/wavefront-alert";

  /**
   * Wavefront's search can lag its writes by about a second, and a create the client gave up on may
   * still be processed for up to a request timeout: after an uncertain create, the reconciler
   * searches again for that long plus this margin before it creates a second alert.
   */
  static final Duration SEARCH_LAG_WINDOW = Duration.ofSeconds(10);

  /**
   * How often a CR renamed from a CR that still exists looks again (one search of its own tag): the
   * old CR's deletion does not queue the new one.
   */
  static final Duration RENAME_WAIT = Duration.ofSeconds(5);

  private static final String SEARCHING_AGAIN =
      ": the alert may exist although Wavefront's search does not show it yet; searching again"
          + " with backoff before any second create";

  private final WavefrontClient client;
  private final Inventory inventory;
  private final OwnershipTag tags;
  private final SyncOptions options;
  private final SyncListener listener;
  private final Clock clock;
  private final BooleanSupplier leader;
  private final AlertLookup lookup;
  private final WavefrontWrites writes;
  private final UncertainCreates uncertain;
  private final OrphanSweep orphans;
  private volatile ResyncEventSource resync;

  /**
   * @param orphans the resync's orphan sweep
   * @param leader whether this replica writes (leader election)
   */
  public WavefrontAlertReconciler(
      WavefrontClient client,
      Inventory inventory,
      OwnershipTag tags,
      SyncOptions options,
      SyncListener listener,
      OrphanSweep orphans,
      Clock clock,
      BooleanSupplier leader) {
    this.client = client;
    this.inventory = inventory;
    this.tags = tags;
    this.options = options;
    this.listener = listener;
    this.orphans = orphans;
    this.clock = clock;
    this.leader = leader;
    this.lookup = new AlertLookup(inventory, tags, options.adoptUntagged());
    this.writes = new WavefrontWrites(inventory, listener);
    this.uncertain = new UncertainCreates(options.requestTimeout().plus(SEARCH_LAG_WINDOW), clock);
  }

  @Override
  public List<EventSource<?, WavefrontAlert>> prepareEventSources(
      EventSourceContext<WavefrontAlert> context) {
    context.getPrimaryCache().addIndexer(AlertLookup.STATUS_ID_INDEX, AlertLookup::statusIds);
    context.getPrimaryCache().addIndexer(AlertLookup.RENAMED_FROM_INDEX, AlertLookup::renamedFrom);
    resync =
        new ResyncEventSource(
            context.getPrimaryCache(),
            this::needsSync,
            inventory,
            live -> orphans.sweep(live, ownerTags(context.getPrimaryCache().list())),
            options.resyncPeriod(),
            leader,
            listener);
    return List.of(resync);
  }

  /** Runs one resync now (as the timer would); returns the number of CRs queued. */
  public int resyncNow() {
    return resync.resync();
  }

  /** Live alerts with this cluster's tags whose CR exists, as of the last resync. */
  public int managedAlerts() {
    return resync == null || resync.resyncs() == 0 ? inventory.size() : orphans.last().managed();
  }

  /** Live alerts with this cluster's tags that no CR owns, as of the last resync. */
  public int orphanedAlerts() {
    return orphans.last().orphans();
  }

  @Override
  public UpdateControl<WavefrontAlert> reconcile(WavefrontAlert cr, Context<WavefrontAlert> ctx) {
    WavefrontAlertStatus before = copy(cr.getStatus());
    StatusUpdate status = statusUpdate(cr);
    if (cr.isTemplate()) {
      status.template();
      return patchIfChanged(cr, before, status);
    }
    // the inputs: what Wavefront should hold now (burn-in included), and what the status says
    Instant at = clock.instant();
    ConcreteAlert alert = concrete(cr);
    Duration burnIn = BurnInWindow.remaining(alert, at);
    DesiredAlert desired =
        DesiredAlert.of(WavefrontRequest.of(alert, at, tags), RenamedFrom.of(alert));
    if (!desired.valid()) {
      String why = String.join("; ", desired.errors());
      if (status.invalid(why)) {
        listener.invalidSpec(cr, why);
      }
      return patchIfChanged(cr, before, status);
    }
    String ownerTag = ownerTag(cr);
    // every Wavefront call of this reconcile, waits and retries included, ends by this instant
    WavefrontClient wf = client.within(at.plus(options.reconcileTimeout()));
    try {
      String statusId = StatusUpdate.statusId(status.status());
      AlertLookup.Found found =
          lookup.find(
              wf,
              cr,
              ctx.getPrimaryCache(),
              ownerTag,
              statusId,
              desired.name(),
              desired.renamedFrom());
      StatusClaim claim = found.claim();
      if (claim.verdict() == StatusClaim.Verdict.UNTAGGED && found.live().isEmpty()) {
        // perhaps this CR's own alert from keikoproj's days: a second one beside it would stay
        if (status.held(claim)) {
          listener.ownershipConflict(cr, claim, false);
        }
        return patchIfChanged(cr, before, status);
      }
      // the plan
      SyncPlan plan =
          SyncPlan.decide(
              desired,
              claim.conflict() ? null : statusId,
              status.status().getLastChangeChecksum(),
              found.live(),
              found.rename(),
              options.driftMode());
      if (plan.action() == SyncPlan.Action.WAIT_FOR_RENAME) {
        if (status.renamePending(cr.getMetadata().getNamespace(), plan.renamedFrom())) {
          listener.renamePending(cr, status.status().getErrorDescription());
        }
        return patchIfChanged(cr, before, status).rescheduleAfter(RENAME_WAIT);
      }
      if (plan.action() == SyncPlan.Action.CREATE || plan.action() == SyncPlan.Action.RECREATE) {
        Optional<Duration> wait = uncertain.searchAgainIn(ownerTag);
        if (wait.isPresent()) {
          // the status says CreateUncertain since the create that may have worked
          return patchIfChanged(cr, before, status).rescheduleAfter(wait.get());
        }
      } else {
        uncertain.resolved(ownerTag);
      }
      // the effects, then the status
      boolean adopted = plan.adopted() || claim.verdict() == StatusClaim.Verdict.ADOPTABLE;
      boolean firstDrift = !Conditions.isTrue(before.getConditions(), Conditions.DRIFTED);
      String id =
          writes.apply(wf, cr, plan, desired, found.candidates(), ownerTag, adopted, firstDrift);
      status.succeeded(plan, desired, id, client.link(id));
      if (status.conflict(claim, before)) {
        listener.ownershipConflict(cr, claim, false);
      }
      UpdateControl<WavefrontAlert> done = patchIfChanged(cr, before, status);
      // at the end of burn-in, switch to the alert's own targets
      return burnIn == null ? done : done.rescheduleAfter(burnIn.plusSeconds(1));
    } catch (WavefrontException e) {
      if (e.kind() == WavefrontException.Kind.UNCERTAIN) {
        uncertain.record(ownerTag);
        failed(cr, status, "CreateUncertain", e.getMessage() + SEARCHING_AGAIN);
        return patchIfChanged(cr, before, status).rescheduleAfter(Duration.ofSeconds(1));
      }
      if (e.kind() == WavefrontException.Kind.REJECTED) {
        failed(cr, status, "Rejected", message(e));
        return patchIfChanged(cr, before, status);
      }
      if (e.retryAfter().isPresent()) {
        // Wavefront paused this client (Retry-After): come back when the pause ends, not sooner
        failed(cr, status, "Throttled", message(e));
        return patchIfChanged(cr, before, status).rescheduleAfter(afterPause(e.retryAfter().get()));
      }
      if (e.isAuth()) {
        failed(cr, status, "Unauthorized", message(e));
        return patchIfChanged(cr, before, status).rescheduleAfter(options.authRetry());
      }
      throw e; // JOSDK retries this CR with exponential backoff; updateErrorStatus reports it
    }
  }

  @Override
  public ErrorStatusUpdateControl<WavefrontAlert> updateErrorStatus(
      WavefrontAlert cr, Context<WavefrontAlert> ctx, Exception e) {
    WavefrontAlertStatus before = copy(cr.getStatus());
    StatusUpdate status = statusUpdate(cr);
    String reason =
        e instanceof WavefrontException w
            ? switch (w.kind()) {
              case THROTTLED -> "Throttled";
              case UNCERTAIN -> "CreateUncertain";
              default -> "WavefrontUnavailable";
            }
            : "InternalError";
    failed(cr, status, reason, message(e));
    status.status().setRetryCount(ctx.getRetryInfo().map(r -> r.getAttemptCount()).orElse(1));
    if (!(e instanceof WavefrontException)) {
      listener.internalError(cr, e);
    }
    if (status.status().equals(before)) {
      return ErrorStatusUpdateControl.noStatusUpdate();
    }
    cr.setStatus(status.status());
    return ErrorStatusUpdateControl.patchStatus(cr);
  }

  @Override
  public DeleteControl cleanup(WavefrontAlert cr, Context<WavefrontAlert> ctx) {
    String statusId = StatusUpdate.statusId(copy(cr.getStatus()));
    if (cr.isTemplate() && statusId == null) {
      return DeleteControl.defaultDelete();
    }
    String ownerTag = ownerTag(cr);
    uncertain.resolved(ownerTag);
    WavefrontClient wf = client.within(clock.instant().plus(options.reconcileTimeout()));
    try {
      Set<String> ids = new LinkedHashSet<>();
      AlertLookup.searchOwned(wf, ownerTag).forEach(a -> ids.add(a.id()));
      Optional<WavefrontAlert> heir = lookup.heir(wf, cr, ctx.getPrimaryCache());
      if (heir.isPresent()) {
        // a CR renamed from this one takes these alerts over: deleting them would lose the history
        listener.keptForRename(cr, List.copyOf(ids), heir.get());
        return DeleteControl.defaultDelete();
      }
      if (statusId != null && !ids.contains(statusId)) {
        String name = cr.getSpec() == null ? null : cr.getSpec().getAlertName();
        StatusClaim claim =
            lookup.claim(
                cr,
                ctx.getPrimaryCache(),
                ownerTag,
                statusId,
                name,
                !ids.isEmpty(),
                wf.get(statusId));
        if (claim.usable()) {
          ids.add(statusId);
        } else if (claim.conflict()) {
          listener.ownershipConflict(cr, claim, true);
        }
      }
      listener.deleted(cr, writes.delete(wf, List.copyOf(ids), ownerTag));
      return DeleteControl.defaultDelete();
    } catch (WavefrontException e) {
      listener.deleteFailed(cr, e.getMessage(), e.isAuth());
      if (e.isAuth()) {
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(options.authRetry().toMillis());
      }
      throw e;
    }
  }

  /** Whether the resync should reconcile this CR: a pure check against the fresh inventory. */
  boolean needsSync(WavefrontAlert cr, Map<String, List<LiveAlert>> inventory) {
    if (cr.isTemplate() || cr.getMetadata().getDeletionTimestamp() != null) {
      return false;
    }
    WavefrontAlertStatus status = copy(cr.getStatus());
    String ownerTag = ownerTag(cr);
    // as the reconcile would send it now, burn-in included: a CR burning in is in sync
    DesiredAlert desired =
        DesiredAlert.of(WavefrontRequest.of(concrete(cr), clock.instant(), tags));
    if (!desired.valid()) {
      return false;
    }
    if (!State.READY.equals(status.getState())) {
      return true;
    }
    SyncPlan plan =
        SyncPlan.decide(
            desired,
            StatusUpdate.statusId(status),
            status.getLastChangeChecksum(),
            inventory.getOrDefault(ownerTag, List.of()),
            options.driftMode());
    return plan.action() != SyncPlan.Action.NONE || plan.adopted() || !plan.duplicates().isEmpty();
  }

  private void failed(WavefrontAlert cr, StatusUpdate status, String reason, String message) {
    if (status.failed(reason, message)) {
      listener.failed(cr, reason, message);
    }
  }

  private static String message(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private StatusUpdate statusUpdate(WavefrontAlert cr) {
    return new StatusUpdate(
        copy(cr.getStatus()),
        cr.getMetadata().getGeneration(),
        clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
  }

  private static UpdateControl<WavefrontAlert> patchIfChanged(
      WavefrontAlert cr, WavefrontAlertStatus before, StatusUpdate after) {
    if (after.status().equals(before)) {
      return UpdateControl.noUpdate();
    }
    cr.setStatus(after.status());
    return UpdateControl.patchStatus(cr);
  }

  private String ownerTag(WavefrontAlert cr) {
    return tags.ownerTag(cr.getMetadata().getNamespace(), cr.getMetadata().getName());
  }

  /**
   * The tags whose alerts have a CR: each CR's own, and the old name's of a CR renamed from it that
   * has no alert yet (the old CR is gone, and its alert waits to be taken over: no orphan).
   */
  private Set<String> ownerTags(Stream<WavefrontAlert> crs) {
    return crs.flatMap(
            cr ->
                Stream.concat(
                    Stream.of(ownerTag(cr)),
                    AlertLookup.oldName(cr) == null
                            || StatusUpdate.statusId(copy(cr.getStatus())) != null
                        ? Stream.empty()
                        : Stream.of(
                            tags.ownerTag(
                                cr.getMetadata().getNamespace(), AlertLookup.oldName(cr)))))
        .collect(Collectors.toSet());
  }

  /**
   * A little after the pause ends, spread so that CRs paused together do not all return at once.
   */
  private static Duration afterPause(Duration pause) {
    long spread = Math.max(1, pause.toMillis() / 10);
    return pause.plusMillis(1 + ThreadLocalRandom.current().nextLong(spread));
  }

  private static ConcreteAlert concrete(WavefrontAlert cr) {
    return new ConcreteAlert(
        cr.getMetadata().getNamespace(),
        cr.getMetadata().getName(),
        cr.getSpec(),
        cr.getMetadata().getAnnotations());
  }

  private static WavefrontAlertStatus copy(WavefrontAlertStatus s) {
    return s == null ? new WavefrontAlertStatus() : Serialization.clone(s);
  }
}
