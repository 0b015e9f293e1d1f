package io.alertforge.controller.reconcile;

import static io.alertforge.controller.reconcile.EventRecorder.Reason;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.controller.crd.AlertStatus;
import io.alertforge.controller.crd.Conditions;
import io.alertforge.controller.crd.State;
import io.alertforge.controller.crd.WavefrontAlert;
import io.alertforge.controller.crd.WavefrontAlertStatus;
import io.alertforge.controller.ops.AuditLog;
import io.alertforge.controller.ops.ControllerMetrics;
import io.alertforge.controller.wavefront.WavefrontClient;
import io.alertforge.controller.wavefront.WavefrontException;
import io.alertforge.model.BurnInWindow;
import io.alertforge.model.ConcreteAlert;
import io.alertforge.model.OwnershipTag;
import io.alertforge.model.WavefrontRequest;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one Wavefront alert equal to each non-template {@code WavefrontAlert}. The decision is
 * {@link SyncPlan#decide}, a pure function; this class only gathers its inputs, carries out the one
 * write it asks for, and writes status, events, metrics and the audit log.
 *
 * <p>Errors: a spec Wavefront rejects (400) or that is malformed is reported and waits for a new
 * spec; a bad token (401/403) is reported and retried after {@code authRetry}; anything else is
 * thrown, so JOSDK retries that CR alone with exponential backoff.
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

  private static final String SEARCHING_AGAIN =
      ": the alert may exist although Wavefront's search does not show it yet; searching again"
          + " with backoff before any second create";

  /** The informer's index of the Wavefront ids each CR's status names. */
  private static final String STATUS_ID_INDEX = "wavefront-status-id";

  private static final Logger LOG = LoggerFactory.getLogger(WavefrontAlertReconciler.class);

  private final WavefrontClient client;
  private final Inventory inventory;
  private final OwnershipTag tags;
  private final SyncOptions options;
  private final EventRecorder events;
  private final AuditLog audit;
  private final ControllerMetrics metrics;
  private final Clock clock;
  private final BooleanSupplier leader;
  private final UncertainCreates uncertain;
  private final OrphanSweep orphans;
  private volatile ResyncEventSource resync;

  /**
   * @param pod this replica's Pod, where the events about orphans go (none outside a Pod)
   * @param leader whether this replica writes (leader election)
   */
  public WavefrontAlertReconciler(
      WavefrontClient client,
      Inventory inventory,
      OwnershipTag tags,
      SyncOptions options,
      EventRecorder events,
      Optional<HasMetadata> pod,
      AuditLog audit,
      ControllerMetrics metrics,
      Clock clock,
      BooleanSupplier leader) {
    this.client = client;
    this.inventory = inventory;
    this.tags = tags;
    this.options = options;
    this.events = events;
    this.audit = audit;
    this.metrics = metrics;
    this.clock = clock;
    this.leader = leader;
    this.uncertain = new UncertainCreates(options.requestTimeout().plus(SEARCH_LAG_WINDOW), clock);
    this.orphans =
        new OrphanSweep(
            client,
            inventory,
            tags,
            options.namespaces(),
            options.pruneOrphans(),
            options.orphanGrace(),
            events,
            pod,
            audit,
            metrics,
            clock);
  }

  @Override
  public List<EventSource<?, WavefrontAlert>> prepareEventSources(
      EventSourceContext<WavefrontAlert> context) {
    context.getPrimaryCache().addIndexer(STATUS_ID_INDEX, WavefrontAlertReconciler::statusIds);
    resync =
        new ResyncEventSource(
            context.getPrimaryCache(),
            this::needsSync,
            inventory,
            live -> orphans.sweep(live, ownerTags(context.getPrimaryCache().list())),
            options.resyncPeriod(),
            leader,
            metrics);
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
    WavefrontAlertStatus status = copy(cr.getStatus());
    Long generation = cr.getMetadata().getGeneration();
    String now = now();
    status.setObservedGeneration(generation);

    if (cr.isTemplate()) {
      status.setState(State.READY_TO_BE_USED);
      status.setErrorDescription("");
      String why =
          "a template (exportedParams is set): AlertForge renders it into concrete WavefrontAlerts;"
              + " this controller does not sync templates";
      Conditions.set(
          status.getConditions(), Conditions.READY, false, "Template", why, generation, now);
      Conditions.set(
          status.getConditions(), Conditions.SYNCED, false, "Template", why, generation, now);
      return patchIfChanged(cr, before, status);
    }

    String ownerTag = ownerTag(cr);
    java.time.Instant instant = java.time.Instant.now();
    ConcreteAlert alert = concrete(cr);
    Duration burnIn = BurnInWindow.remaining(alert, instant);
    DesiredAlert desired = DesiredAlert.of(WavefrontRequest.of(alert, instant, tags));
    if (!desired.valid()) {
      String why = String.join("; ", desired.errors());
      boolean changed = !why.equals(status.getErrorDescription());
      status.setState(State.MALFORMED_SPEC);
      status.setErrorDescription(why);
      Conditions.set(
          status.getConditions(), Conditions.READY, false, "InvalidSpec", why, generation, now);
      Conditions.set(
          status.getConditions(), Conditions.SYNCED, false, "InvalidSpec", why, generation, now);
      if (changed) {
        events.warning(cr, Reason.InvalidSpec, why);
        metrics.sync("invalid_spec");
      }
      return patchIfChanged(cr, before, status);
    }

    // every Wavefront call of this reconcile, waits and retries included, ends by this instant
    WavefrontClient wf = client.within(clock.instant().plus(options.reconcileTimeout()));
    try {
      String statusId = statusId(status);
      Lookup found = lookup(wf, cr, ctx, ownerTag, statusId, desired.name());
      StatusClaim claim = found.claim();
      if (claim.verdict() == StatusClaim.Verdict.UNTAGGED && found.live().isEmpty()) {
        // perhaps this CR's own alert from keikoproj's days: a second one beside it would stay
        return patchIfChanged(cr, before, held(cr, status, claim, now));
      }
      SyncPlan plan =
          SyncPlan.decide(
              desired,
              claim.conflict() ? null : statusId,
              status.getLastChangeChecksum(),
              found.live(),
              options.driftMode());
      if (plan.action() == SyncPlan.Action.CREATE || plan.action() == SyncPlan.Action.RECREATE) {
        Optional<Duration> wait = uncertain.searchAgainIn(ownerTag);
        if (wait.isPresent()) {
          // the status says CreateUncertain since the create that may have worked
          return patchIfChanged(cr, before, status).rescheduleAfter(wait.get());
        }
      } else {
        uncertain.resolved(ownerTag);
      }
      String id = apply(wf, cr, plan, claim, desired, found.live(), ownerTag);
      succeeded(cr, status, plan, desired, id, now);
      reportConflict(cr, before, status, claim, generation, now);
      UpdateControl<WavefrontAlert> done = patchIfChanged(cr, before, status);
      // at the end of burn-in, switch to the alert's own targets
      return burnIn == null ? done : done.rescheduleAfter(burnIn.plusSeconds(1));
    } catch (WavefrontException e) {
      if (e.kind() == WavefrontException.Kind.UNCERTAIN) {
        uncertain.record(ownerTag);
        failed(cr, status, "CreateUncertain", e.getMessage() + SEARCHING_AGAIN, now);
        return patchIfChanged(cr, before, status).rescheduleAfter(Duration.ofSeconds(1));
      }
      if (e.kind() == WavefrontException.Kind.REJECTED) {
        failed(cr, status, "Rejected", e, now);
        return patchIfChanged(cr, before, status);
      }
      if (e.retryAfter().isPresent()) {
        // Wavefront paused this client (Retry-After): come back when the pause ends, not sooner
        failed(cr, status, "Throttled", e, now);
        return patchIfChanged(cr, before, status).rescheduleAfter(afterPause(e.retryAfter().get()));
      }
      if (e.isAuth()) {
        failed(cr, status, "Unauthorized", e, now);
        return patchIfChanged(cr, before, status).rescheduleAfter(options.authRetry());
      }
      throw e; // JOSDK retries this CR with exponential backoff; updateErrorStatus reports it
    }
  }

  @Override
  public ErrorStatusUpdateControl<WavefrontAlert> updateErrorStatus(
      WavefrontAlert cr, Context<WavefrontAlert> ctx, Exception e) {
    WavefrontAlertStatus before = copy(cr.getStatus());
    WavefrontAlertStatus status = copy(cr.getStatus());
    String reason =
        e instanceof WavefrontException w
            ? switch (w.kind()) {
              case THROTTLED -> "Throttled";
              case UNCERTAIN -> "CreateUncertain";
              default -> "WavefrontUnavailable";
            }
            : "InternalError";
    failed(cr, status, reason, e, now());
    status.setRetryCount(ctx.getRetryInfo().map(r -> r.getAttemptCount()).orElse(1));
    if (!(e instanceof WavefrontException)) {
      LOG.error("reconcile of {}/{} failed", namespace(cr), name(cr), e);
    }
    if (status.equals(before)) {
      return ErrorStatusUpdateControl.noStatusUpdate();
    }
    cr.setStatus(status);
    return ErrorStatusUpdateControl.patchStatus(cr);
  }

  @Override
  public DeleteControl cleanup(WavefrontAlert cr, Context<WavefrontAlert> ctx) {
    String statusId = statusId(copy(cr.getStatus()));
    if (cr.isTemplate() && statusId == null) {
      return DeleteControl.defaultDelete();
    }
    String ownerTag = ownerTag(cr);
    uncertain.resolved(ownerTag);
    WavefrontClient wf = client.within(clock.instant().plus(options.reconcileTimeout()));
    try {
      Set<String> ids = new LinkedHashSet<>();
      searchOwned(wf, ownerTag).forEach(a -> ids.add(a.id()));
      if (statusId != null && !ids.contains(statusId)) {
        StatusClaim claim =
            claim(cr, ctx, ownerTag, statusId, alertName(cr), !ids.isEmpty(), wf.get(statusId));
        if (claim.usable()) {
          ids.add(statusId);
        } else if (claim.conflict()) {
          metrics.error("OwnershipConflict");
          events.warning(cr, Reason.OwnershipConflict, claim.message() + "; not deleted");
          LOG.warn("delete of {}/{}: {}; not deleted", namespace(cr), name(cr), claim.message());
        }
      }
      List<String> deleted = new ArrayList<>();
      for (String id : ids) {
        if (wf.delete(id)) {
          deleted.add(id);
          audit.record("delete", cr, id, alertName(cr), null, null);
        }
        inventory.remove(ownerTag, id);
      }
      events.normal(
          cr,
          Reason.Deleted,
          deleted.isEmpty()
              ? "no Wavefront alert to delete (already gone)"
              : "deleted Wavefront alert " + String.join(", ", deleted) + " (moved to the trash)");
      metrics.sync("deleted");
      return DeleteControl.defaultDelete();
    } catch (WavefrontException e) {
      metrics.error(e.isAuth() ? "Unauthorized" : "DeleteFailed");
      if (e.isAuth()) {
        events.warning(cr, Reason.Unauthorized, "cannot delete: " + e.getMessage());
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(options.authRetry().toMillis());
      }
      events.warning(
          cr,
          Reason.DeleteFailed,
          "the finalizer stays until the Wavefront alert is deleted: " + e.getMessage());
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
        DesiredAlert.of(WavefrontRequest.of(concrete(cr), java.time.Instant.now(), tags));
    if (!desired.valid()) {
      return false;
    }
    if (!State.READY.equals(status.getState())) {
      return true;
    }
    SyncPlan plan =
        SyncPlan.decide(
            desired,
            statusId(status),
            status.getLastChangeChecksum(),
            inventory.getOrDefault(ownerTag, List.of()),
            options.driftMode());
    return plan.action() != SyncPlan.Action.NONE || plan.adopted() || !plan.duplicates().isEmpty();
  }

  /**
   * The alerts this CR may write, and what its status id turned out to be. The CR's own alerts are
   * those with its ownership tag, exactly: the inventory's, or when it knows none a fresh search
   * (the look-up before any create, which finds what a crash or an uncertain create left behind).
   * The status id's alert joins them only if {@link StatusClaim} says it may.
   */
  private Lookup lookup(
      WavefrontClient wf,
      WavefrontAlert cr,
      Context<WavefrontAlert> ctx,
      String ownerTag,
      String statusId,
      String desiredName) {
    inventory.ensureLoaded(wf);
    List<LiveAlert> live = new ArrayList<>(inventory.owned(ownerTag));
    if (live.isEmpty()) {
      live.addAll(searchOwned(wf, ownerTag));
      inventory.replaceOwned(ownerTag, live);
    }
    if (statusId == null) {
      return new Lookup(live, StatusClaim.NONE);
    }
    if (live.stream().anyMatch(a -> a.id().equals(statusId))) {
      return new Lookup(live, new StatusClaim(StatusClaim.Verdict.OWNED, statusId, null, null));
    }
    Optional<ObjectNode> named = wf.get(statusId);
    StatusClaim claim = claim(cr, ctx, ownerTag, statusId, desiredName, !live.isEmpty(), named);
    if (claim.usable()) {
      live.add(LiveAlert.of(named.get()));
    }
    return new Lookup(live, claim);
  }

  private record Lookup(List<LiveAlert> live, StatusClaim claim) {}

  private StatusClaim claim(
      WavefrontAlert cr,
      Context<WavefrontAlert> ctx,
      String ownerTag,
      String statusId,
      String desiredName,
      boolean hasOwnAlert,
      Optional<ObjectNode> named) {
    boolean claimedByAnother =
        ctx.getPrimaryCache().byIndex(STATUS_ID_INDEX, statusId).stream()
            .anyMatch(other -> !ResourceID.fromResource(other).equals(ResourceID.fromResource(cr)));
    return StatusClaim.of(
        statusId,
        named.map(LiveAlert::of),
        ownerTag,
        desiredName == null ? "" : desiredName.trim(),
        options.adoptUntagged(),
        hasOwnAlert,
        claimedByAnother);
  }

  /** The alerts that carry {@code ownerTag} exactly (the search itself ignores case). */
  private static List<LiveAlert> searchOwned(WavefrontClient wf, String ownerTag) {
    return wf.searchByTag(ownerTag).stream()
        .map(LiveAlert::of)
        .filter(a -> ownerTag.equals(a.ownerTag()))
        .toList();
  }

  /** No alert of its own, and the status names an untagged one: nothing is written. */
  private WavefrontAlertStatus held(
      WavefrontAlert cr, WavefrontAlertStatus status, StatusClaim claim, String now) {
    Long generation = cr.getMetadata().getGeneration();
    boolean transition = !conflictMessage(status).equals(claim.message());
    status.setState(State.ERROR);
    status.setErrorDescription(claim.message());
    List<Condition> c = status.getConditions();
    Conditions.set(c, Conditions.READY, false, claim.reason(), claim.message(), generation, now);
    Conditions.set(c, Conditions.SYNCED, false, claim.reason(), claim.message(), generation, now);
    Conditions.set(
        c, Conditions.OWNERSHIP_CONFLICT, true, claim.reason(), claim.message(), generation, now);
    if (transition) {
      conflictReported(cr, claim);
    }
    return status;
  }

  /** The condition {@code OwnershipConflict} while the status names an alert not this CR's. */
  private void reportConflict(
      WavefrontAlert cr,
      WavefrontAlertStatus before,
      WavefrontAlertStatus status,
      StatusClaim claim,
      Long generation,
      String now) {
    if (!claim.conflict()) {
      Conditions.remove(status.getConditions(), Conditions.OWNERSHIP_CONFLICT);
      return;
    }
    String message = claim.message() + "; this CR's alert is " + statusId(status);
    Conditions.set(
        status.getConditions(),
        Conditions.OWNERSHIP_CONFLICT,
        true,
        claim.reason(),
        message,
        generation,
        now);
    if (!conflictMessage(before).equals(message)) {
      conflictReported(cr, claim);
    }
  }

  private void conflictReported(WavefrontAlert cr, StatusClaim claim) {
    metrics.error("OwnershipConflict");
    events.warning(cr, Reason.OwnershipConflict, claim.message());
    LOG.warn("{}/{}: {}", namespace(cr), name(cr), claim.message());
  }

  private static String conflictMessage(WavefrontAlertStatus status) {
    return Conditions.find(status.getConditions(), Conditions.OWNERSHIP_CONFLICT)
        .filter(c -> "True".equals(c.getStatus()))
        .map(Condition::getMessage)
        .orElse("");
  }

  private String apply(
      WavefrontClient wf,
      WavefrontAlert cr,
      SyncPlan plan,
      StatusClaim claim,
      DesiredAlert desired,
      List<LiveAlert> live,
      String owner) {
    boolean adopted = plan.adopted() || claim.verdict() == StatusClaim.Verdict.ADOPTABLE;
    String name = desired.body().path("name").asText();
    for (String dup : plan.duplicates()) {
      if (wf.delete(dup)) {
        audit.record("delete-duplicate", cr, dup, name, checksumOf(live, dup), null);
        events.normal(
            cr,
            Reason.DuplicateDeleted,
            "deleted duplicate Wavefront alert " + dup + " (same tag)");
      }
      inventory.remove(owner, dup);
    }
    String before = plan.id() == null ? null : checksumOf(live, plan.id());
    switch (plan.action()) {
      case CREATE, RECREATE -> {
        ObjectNode created = wf.create(desired.body());
        LiveAlert alert = LiveAlert.of(created);
        inventory.put(alert);
        boolean recreate = plan.action() == SyncPlan.Action.RECREATE;
        audit.record(
            recreate ? "recreate" : "create", cr, alert.id(), name, null, desired.checksum());
        events.normal(
            cr,
            recreate ? Reason.Recreated : Reason.Created,
            (recreate ? "re-created Wavefront alert (the previous one is gone): " : "created ")
                + alert.id());
        metrics.sync(recreate ? "recreated" : "created");
        return alert.id();
      }
      case UPDATE, CORRECT_DRIFT -> {
        ObjectNode updated = update(wf, plan.id(), desired, owner);
        inventory.put(LiveAlert.of(updated));
        boolean drift = plan.action() == SyncPlan.Action.CORRECT_DRIFT;
        String fields = String.join(", ", plan.differences());
        audit.record(
            drift ? "correct-drift" : "update", cr, plan.id(), name, before, desired.checksum());
        if (adopted) {
          events.normal(cr, Reason.Adopted, "adopted Wavefront alert " + plan.id());
        }
        if (drift) {
          metrics.drift(options.driftMode().toString());
          events.normal(
              cr,
              Reason.DriftCorrected,
              "Wavefront alert "
                  + plan.id()
                  + " was edited outside the cluster ("
                  + fields
                  + "); put back");
        } else {
          events.normal(
              cr, Reason.Updated, "updated Wavefront alert " + plan.id() + " (" + fields + ")");
        }
        metrics.sync(drift ? "drift_corrected" : "updated");
        return plan.id();
      }
      case REPORT_DRIFT -> {
        if (!Conditions.isTrue(copy(cr.getStatus()).getConditions(), Conditions.DRIFTED)) {
          metrics.drift(options.driftMode().toString());
          events.warning(
              cr,
              Reason.DriftDetected,
              "Wavefront alert "
                  + plan.id()
                  + " differs from the spec ("
                  + String.join(", ", plan.differences())
                  + "); drift mode is detect, so it is left as is");
        }
        metrics.sync("drift_detected");
        return plan.id();
      }
      default -> {
        if (adopted) {
          events.normal(cr, Reason.Adopted, "adopted Wavefront alert " + plan.id());
          metrics.sync("adopted");
        } else {
          metrics.sync("unchanged");
        }
        return plan.id();
      }
    }
  }

  private ObjectNode update(WavefrontClient wf, String id, DesiredAlert desired, String owner) {
    try {
      return wf.update(id, desired.body());
    } catch (WavefrontException e) {
      if (e.kind() == WavefrontException.Kind.NOT_FOUND) {
        inventory.remove(owner, id); // gone since the listing: the retry re-creates it
        throw new WavefrontException(
            WavefrontException.Kind.UNAVAILABLE, 404, e.getMessage() + " (gone; re-creating)", e);
      }
      throw e;
    }
  }

  private void succeeded(
      WavefrontAlert cr,
      WavefrontAlertStatus status,
      SyncPlan plan,
      DesiredAlert desired,
      String id,
      String now) {
    Long generation = cr.getMetadata().getGeneration();
    String name = desired.body().path("name").asText();
    AlertStatus previous = status.getAlertsStatus().get(name);
    AlertStatus entry = new AlertStatus();
    entry.setId(id);
    entry.setAlertName(name);
    entry.setLink(client.link(id));
    entry.setState(State.READY);
    entry.setLastChangeChecksum(desired.checksum());
    entry.setErrorDescription("");
    boolean unchanged =
        previous != null
            && !plan.writes()
            && id.equals(previous.getId())
            && previous.getLastUpdatedTimestamp() != null;
    entry.setLastUpdatedTimestamp(unchanged ? previous.getLastUpdatedTimestamp() : now);
    status.setAlertsStatus(new java.util.LinkedHashMap<>(Map.of(name, entry)));
    status.setState(State.READY);
    status.setErrorDescription("");
    status.setRetryCount(0);
    status.setLastChangeChecksum(desired.checksum());
    List<Condition> c = status.getConditions();
    boolean drifted = plan.action() == SyncPlan.Action.REPORT_DRIFT;
    String driftMessage =
        drifted
            ? "differs from the spec in "
                + String.join(", ", plan.differences())
                + " (drift: detect)"
            : "the live alert equals the spec";
    Conditions.set(
        c,
        Conditions.DRIFTED,
        drifted,
        drifted ? "DriftDetected" : "NoDrift",
        driftMessage,
        generation,
        now);
    Conditions.set(c, Conditions.SYNCED, true, "Synced", "Wavefront alert " + id, generation, now);
    Conditions.set(
        c,
        Conditions.READY,
        !drifted,
        drifted ? "Drifted" : "InSync",
        drifted ? driftMessage : "Wavefront alert " + id + " equals the spec",
        generation,
        now);
  }

  private void failed(
      WavefrontAlert cr, WavefrontAlertStatus status, String reason, Exception e, String now) {
    failed(
        cr,
        status,
        reason,
        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(),
        now);
  }

  private void failed(
      WavefrontAlert cr, WavefrontAlertStatus status, String reason, String message, String now) {
    Long generation = cr.getMetadata().getGeneration();
    boolean transition =
        !Conditions.find(status.getConditions(), Conditions.SYNCED)
            .map(c -> reason.equals(c.getReason()) && message.equals(c.getMessage()))
            .orElse(false);
    status.setState(State.ERROR);
    status.setErrorDescription(message);
    status.setObservedGeneration(generation);
    status
        .getAlertsStatus()
        .values()
        .forEach(
            a -> {
              a.setState(State.ERROR);
              a.setErrorDescription(message);
            });
    Conditions.set(
        status.getConditions(), Conditions.SYNCED, false, reason, message, generation, now);
    Conditions.set(
        status.getConditions(), Conditions.READY, false, reason, message, generation, now);
    if (transition) {
      metrics.error(reason);
      events.warning(
          cr, "Unauthorized".equals(reason) ? Reason.Unauthorized : Reason.SyncFailed, message);
      LOG.warn("sync of {}/{} failed: {}", namespace(cr), name(cr), message);
    }
  }

  private UpdateControl<WavefrontAlert> patchIfChanged(
      WavefrontAlert cr, WavefrontAlertStatus before, WavefrontAlertStatus after) {
    if (after.equals(before)) {
      return UpdateControl.noUpdate();
    }
    cr.setStatus(after);
    return UpdateControl.patchStatus(cr);
  }

  private String ownerTag(WavefrontAlert cr) {
    return tags.ownerTag(namespace(cr), name(cr));
  }

  private static String statusId(WavefrontAlertStatus status) {
    return status.getAlertsStatus().values().stream()
        .map(AlertStatus::getId)
        .filter(id -> id != null && !id.isBlank())
        .findFirst()
        .orElse(null);
  }

  /** Every Wavefront id the CR's status names (the informer's index). */
  private static List<String> statusIds(WavefrontAlert cr) {
    return cr.getStatus() == null
        ? List.of()
        : cr.getStatus().getAlertsStatus().values().stream()
            .map(AlertStatus::getId)
            .filter(id -> id != null && !id.isBlank())
            .distinct()
            .toList();
  }

  private Set<String> ownerTags(java.util.stream.Stream<WavefrontAlert> crs) {
    return crs.map(this::ownerTag).collect(java.util.stream.Collectors.toSet());
  }

  /**
   * A little after the pause ends, spread so that CRs paused together do not all return at once.
   */
  private static Duration afterPause(Duration pause) {
    long spread = Math.max(1, pause.toMillis() / 10);
    return pause.plusMillis(1 + java.util.concurrent.ThreadLocalRandom.current().nextLong(spread));
  }

  private static String checksumOf(List<LiveAlert> live, String id) {
    Optional<LiveAlert> a = live.stream().filter(l -> l.id().equals(id)).findFirst();
    return a.map(l -> l.projection().checksum()).orElse(null);
  }

  private static String alertName(WavefrontAlert cr) {
    return cr.getSpec() == null ? null : cr.getSpec().getAlertName();
  }

  private static ConcreteAlert concrete(WavefrontAlert cr) {
    return new ConcreteAlert(
        namespace(cr), name(cr), cr.getSpec(), cr.getMetadata().getAnnotations());
  }

  private static String namespace(WavefrontAlert cr) {
    return cr.getMetadata().getNamespace();
  }

  private static String name(WavefrontAlert cr) {
    return cr.getMetadata().getName();
  }

  private String now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static WavefrontAlertStatus copy(WavefrontAlertStatus s) {
    return s == null ? new WavefrontAlertStatus() : Serialization.clone(s);
  }
}
