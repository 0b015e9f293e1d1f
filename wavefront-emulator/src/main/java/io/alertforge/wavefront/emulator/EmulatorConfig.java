package io.alertforge.wavefront.emulator;

import io.alertforge.wavefront.emulator.auth.Permission;
import io.alertforge.wavefront.emulator.auth.TokenRegistry;
import io.alertforge.wavefront.emulator.fault.Fault;
import io.alertforge.wavefront.emulator.fault.FaultInjector;
import io.alertforge.wavefront.emulator.requestlog.RequestLog;
import io.alertforge.wavefront.emulator.store.AlertStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * What a {@link WavefrontEmulator} was built with, fixed when it is built: how to serve, and the
 * state that {@link #restore} puts its parts back to.
 */
record EmulatorConfig(
    int port,
    int threads,
    int queueCapacity,
    int requestLogCapacity,
    int maxEmailTargets,
    Clock clock,
    List<TokenSpec> tokens,
    List<Fault> faults,
    List<String> rejectedQueries,
    long searchLagMillis,
    int searchLagRequests,
    boolean searchCaseSensitive) {

  record TokenSpec(String token, String account, Set<Permission> permissions) {
    /** Without the token, which is a secret: this record is a part of the config's own string. */
    @Override
    public String toString() {
      return "TokenSpec[account=" + account + ", permissions=" + permissions + "]";
    }
  }

  // Copies that keep a null entry, so that a null fault or query fails where it always did: when
  // restore() installs it.
  EmulatorConfig {
    tokens = Collections.unmodifiableList(new ArrayList<>(tokens));
    faults = Collections.unmodifiableList(new ArrayList<>(faults));
    rejectedQueries = Collections.unmodifiableList(new ArrayList<>(rejectedQueries));
  }

  /**
   * Back to the configured state: no alerts, an empty request log, the tokens the registry was
   * first given, and the configured faults (with fresh counts), rejected queries and search lag.
   */
  void restore(AlertStore store, FaultInjector injector, RequestLog log, TokenRegistry registry) {
    store.clear();
    injector.clear();
    store.setSearchCaseSensitive(searchCaseSensitive);
    injector.searchLag().millis(searchLagMillis);
    injector.searchLag().requests(searchLagRequests);
    rejectedQueries.forEach(injector::rejectQuery);
    faults.forEach(injector::add);
    log.clear();
    registry.reset();
  }
}
