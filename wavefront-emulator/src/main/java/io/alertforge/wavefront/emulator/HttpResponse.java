package io.alertforge.wavefront.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** A response to send: status, JSON body and extra headers. */
record HttpResponse(int status, byte[] body, Map<String, String> headers) {
  static HttpResponse of(int status, byte[] body) {
    return new HttpResponse(status, body, Map.of());
  }

  static HttpResponse error(int status, String message) {
    return of(status, Json.error(status, message));
  }

  /** Sends it as {@code application/json} with its extra headers. */
  void send(HttpExchange exchange) throws IOException {
    var responseHeaders = exchange.getResponseHeaders();
    responseHeaders.set("Content-Type", "application/json");
    for (Map.Entry<String, String> h : headers.entrySet()) {
      responseHeaders.set(h.getKey(), h.getValue());
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
