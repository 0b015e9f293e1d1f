package io.alertforge.controller.reconcile;

import java.time.Duration;

/**
 * How the Wavefront sync behaves; {@code AlertController.Settings} fills it from the flags.
 *
 * @param authRetry after a 401/403, when a CR retries
 * @param resyncPeriod how often the resync lists Wavefront
 * @param reconcileTimeout the most one reconcile spends on Wavefront calls
 * @param requestTimeout the Wavefront client's timeout of one request
 * @param adoptUntagged the migration mode of {@link StatusClaim}
 */
public record SyncOptions(
    DriftMode driftMode,
    Duration authRetry,
    Duration resyncPeriod,
    Duration reconcileTimeout,
    Duration requestTimeout,
    boolean adoptUntagged) {}
