package io.alertforge.wavefront.emulator.requestlog;

import java.time.Instant;
import java.util.List;

/**
 * One API request as the emulator saw it.
 *
 * @param seq its number, from 1, in arrival order
 * @param timestamp when it arrived
 * @param method the HTTP method, upper case
 * @param path the decoded path, e.g. {@code /api/v2/alert/1700000000000}
 * @param query the raw query string, or null
 * @param status the status sent; 0 when the connection was dropped without a response
 * @param faults the labels of the faults that fired for it, e.g. {@code status=429}, {@code
 *     latency=200ms}, {@code drop}, {@code status=503,after}
 * @param account the account of the token, or null when it had none or an unknown one (never the
 *     token)
 * @param body the request body as text (truncated to 64 KiB), or null when empty
 */
public record RecordedRequest(
    long seq,
    Instant timestamp,
    String method,
    String path,
    String query,
    int status,
    List<String> faults,
    String account,
    String body) {

  public RecordedRequest {
    faults = List.copyOf(faults);
  }

  /** True when a fault fired for this request. */
  public boolean faulted() {
    return !faults.isEmpty();
  }

  /** True when the emulator closed the connection without answering. */
  public boolean dropped() {
    return status == 0;
  }

  /** True for a call that can change alerts: POST, PUT, DELETE, except the search endpoints. */
  public boolean isWrite() {
    return !method.equals("GET") && !method.equals("HEAD") && !path.startsWith("/api/v2/search/");
  }
}
