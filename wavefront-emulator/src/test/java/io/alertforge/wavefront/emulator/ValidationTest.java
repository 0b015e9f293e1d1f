package io.alertforge.wavefront.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.alertforge.wavefront.emulator.junit.WavefrontEmulatorExtension;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidationTest {
  static final String TOKEN = "validation-token";

  @RegisterExtension
  static final WavefrontEmulatorExtension wavefront = WavefrontEmulatorExtension.withToken(TOKEN);

  private Api api() {
    return new Api(wavefront.baseUri(), TOKEN);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      missing name          | {"condition":"ts(x) > 1","minutes":5,"severity":"WARN"}                 | Alert name cannot be blank
      blank name            | {"name":"  ","condition":"ts(x) > 1","minutes":5,"severity":"WARN"}     | Alert name cannot be blank
      missing minutes       | {"name":"a","condition":"ts(x) > 1","severity":"WARN"}                  | Alert minutes is required
      zero minutes          | {"name":"a","condition":"ts(x) > 1","minutes":0,"severity":"WARN"}      | Invalid minutes specified: 0
      string minutes        | {"name":"a","condition":"ts(x) > 1","minutes":"5","severity":"WARN"}    | Invalid minutes specified
      missing condition     | {"name":"a","minutes":5,"severity":"WARN"}                              | Alert condition cannot be blank
      missing severity      | {"name":"a","condition":"ts(x) > 1","minutes":5}                        | Alert severity is required
      bad severity          | {"name":"a","condition":"ts(x) > 1","minutes":5,"severity":"CRITICAL"}  | Invalid severity specified: CRITICAL
      bad alertType         | {"name":"a","condition":"ts(x) > 1","minutes":5,"severity":"WARN","alertType":"MULTI"} | Invalid alertType specified: MULTI
      bad query type        | {"name":"a","condition":"ts(x) > 1","minutes":5,"severity":"WARN","conditionQueryType":"SQL"} | Invalid conditionQueryType specified: SQL
      negative resolve      | {"name":"a","condition":"ts(x) > 1","minutes":5,"severity":"WARN","resolveAfterMinutes":-1} | Invalid resolveAfterMinutes specified: -1
      bad target            | {"name":"a","condition":"ts(x) > 1","minutes":5,"severity":"WARN","target":"slack:#ops"} | Invalid notification specified: slack:#ops
      bad tag               | {"name":"a","condition":"ts(x) > 1","minutes":5,"severity":"WARN","tags":{"customerTags":["has space"]}} | Invalid tag specified: 'has space'
      threshold no conds    | {"name":"a","alertType":"THRESHOLD","displayExpression":"ts(x)","minutes":5} | Alert conditions cannot be empty
      threshold bad key     | {"name":"a","alertType":"THRESHOLD","displayExpression":"ts(x)","minutes":5,"conditions":{"critical":"ts(x) > 1"}} | Invalid conditions key specified: critical
      threshold no display  | {"name":"a","alertType":"THRESHOLD","minutes":5,"conditions":{"warn":"ts(x) > 1"}} | Alert displayExpression cannot be blank
      threshold blank cond  | {"name":"a","alertType":"THRESHOLD","displayExpression":"ts(x)","minutes":5,"conditions":{"warn":" "}} | Invalid conditions.warn specified: cannot be blank
      threshold bad cond    | {"name":"a","alertType":"THRESHOLD","displayExpression":"ts(x)","minutes":5,"conditions":{"warn":"ts(x > 1"}} | Syntax error in conditions.warn
      threshold bad tgt key | {"name":"a","alertType":"THRESHOLD","displayExpression":"ts(x)","minutes":5,"conditions":{"warn":"ts(x) > 1"},"targets":{"page":"pd:k"}} | Invalid targets key specified: page
      threshold bad target  | {"name":"a","alertType":"THRESHOLD","displayExpression":"ts(x)","minutes":5,"conditions":{"warn":"ts(x) > 1"},"targets":{"warn":"slack:#ops"}} | Invalid notification specified: slack:#ops
      threshold map as list | {"name":"a","alertType":"THRESHOLD","displayExpression":"ts(x)","minutes":5,"conditions":["ts(x) > 1"]} | Invalid conditions specified: expected an object keyed by severity
      unbalanced query      | {"name":"a","condition":"ts(x > 1","minutes":5,"severity":"WARN"}       | Syntax error in condition
      unterminated string   | {"name":"a","condition":"ts(\\"x) > 1","minutes":5,"severity":"WARN"}   | unterminated string literal
      not an object         | ["a"]                                                                   | Request body must be a JSON object
      boolean as string     | {"name":"a","condition":"ts(x) > 1","minutes":5,"severity":"WARN","evaluateRealtimeData":"yes"} | Invalid evaluateRealtimeData specified
      """)
  void invalidAlertsAre400WithAWavefrontStyleMessage(String what, String body, String message) {
    Api.Resp r = api().post("/api/v2/alert", body);
    assertThat(r.status()).as(what).isEqualTo(400);
    assertThat(r.json().path("status").path("result").asText()).isEqualTo("ERROR");
    assertThat(r.json().path("status").path("code").asInt()).isEqualTo(400);
    assertThat(r.message()).as(what).contains(message);
    assertThat(wavefront.store().size()).isZero();
  }

  @Test
  void moreThanTenEmailTargetsGivesTheDocumentedMessage() {
    StringBuilder targets = new StringBuilder();
    for (int i = 0; i < 11; i++) {
      targets.append(i == 0 ? "" : ",").append("user").append(i).append("@example.com");
    }
    var body = Api.alert("many");
    body.put("target", targets.toString());
    Api.Resp r = api().post("/api/v2/alert", body);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.message()).isEqualTo("Invalid notification specified: null");

    body.put("target", targets.substring(targets.indexOf(",") + 1)); // ten
    assertThat(api().post("/api/v2/alert", body).status()).isEqualTo(200);
  }

  @Test
  void malformedJsonIs400WithTheParserMessage() {
    Api.Resp r = api().post("/api/v2/alert", "{\"name\": ");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.message()).isNotBlank();
  }

  @Test
  void emptyBodyIs400() {
    Api.Resp r = api().post("/api/v2/alert", "");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.message()).contains("Request body is required");
  }

  @Test
  void wrongContentTypeIs415() throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(wavefront.baseUri() + "/api/v2/alert"))
            .header("Authorization", "Bearer " + TOKEN)
            .header("Content-Type", "text/plain")
            .POST(HttpRequest.BodyPublishers.ofString(Api.alert("a").toString()))
            .build();
    HttpResponse<String> r = Api.HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(415);
    assertThat(Api.JSON.readTree(r.body()).path("status").path("code").asInt()).isEqualTo(415);
  }

  @Test
  void dotsAndColonsAreValidTagCharacters() {
    Api.Resp r =
        api()
            .post(
                "/api/v2/alert", Api.alert("a", "myapp.database.latency", "k8s:prod:ns", "a_b-c"));
    assertThat(r.status()).isEqualTo(200);
  }
}
