package io.alertforge.wavefront.emulator;

import java.util.Map;

/** A response to send: status, JSON body and extra headers. */
record HttpResponse(int status, byte[] body, Map<String, String> headers) {
  static HttpResponse of(int status, byte[] body) {
    return new HttpResponse(status, body, Map.of());
  }

  static HttpResponse error(int status, String message) {
    return of(status, Json.error(status, message));
  }
}
