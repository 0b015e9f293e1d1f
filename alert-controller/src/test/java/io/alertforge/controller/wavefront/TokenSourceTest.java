package io.alertforge.controller.wavefront;

import static io.alertforge.controller.wavefront.TokenLeaks.BAD_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token file and the keikoproj Secret: what they accept, what they refuse and how they say it.
 */
@EnableKubernetesMockClient(crud = true)
class TokenSourceTest {
  static KubernetesClient client;

  private static final String FILE_FIX =
      "; a token is printable ASCII without spaces: put the token alone in the file"
          + " (a line break at its end is fine)";

  @TempDir Path dir;

  private Path tokenFile(String content) throws Exception {
    Path file = dir.resolve("token");
    Files.writeString(file, content);
    return file;
  }

  /** Writes the file again, with a modification time that surely differs (as a Secret update). */
  private static void rotate(Path file, byte[] content) throws Exception {
    FileTime before = Files.getLastModifiedTime(file);
    Files.write(file, content);
    Files.setLastModifiedTime(file, FileTime.from(before.toInstant().plusSeconds(1)));
  }

  @Test
  void aTokenFileWithControlCharactersInsideIsRefusedByKindAndPositionWithoutItsValue()
      throws Exception {
    Path file = tokenFile("\n  " + BAD_TOKEN + "\n");
    assertThatThrownBy(() -> new FileTokenSource(file))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage(
            "the Wavefront token file "
                + file
                + " holds a line break (U+000A) at character 4, a carriage return (U+000D) at"
                + " character 8, a tab (U+0009) at character 12 and a NUL character (U+0000) at"
                + " character 16"
                + FILE_FIX)
        .satisfies(TokenLeaks::assertNoPartIn);
  }

  @Test
  void aRotationToABadTokenIsRefusedAtEveryReadUntilTheFileIsFixed() throws Exception {
    Path file = tokenFile("first-token\n");
    FileTokenSource tokens = new FileTokenSource(file);
    assertThat(tokens.current().value()).isEqualTo("first-token");

    rotate(file, BAD_TOKEN.getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(tokens::current)
          .isInstanceOf(InvalidTokenException.class)
          .hasMessageStartingWith(
              "the Wavefront token file " + file + " holds a line break (U+000A) at character 4")
          .satisfies(TokenLeaks::assertNoPartIn);
    }

    rotate(file, "second-token".getBytes(StandardCharsets.UTF_8));
    assertThat(tokens.current().value()).isEqualTo("second-token");
    assertThat(tokens.current().version()).isEqualTo(2);
  }

  @Test
  void spacesMarksAndBytesThatAreNotUtf8AreNamedAndOtherLettersOnlyPlaced() throws Exception {
    assertThatThrownBy(() -> new FileTokenSource(tokenFile("abc def")))
        .hasMessageContaining(" holds a space (U+0020) at character 4;");
    assertThatThrownBy(() -> new FileTokenSource(tokenFile("\uFEFFtoken")))
        .hasMessageContaining(" holds a byte order mark (U+FEFF) at character 1;");
    assertThatThrownBy(() -> new FileTokenSource(tokenFile("to\u200Bken")))
        .hasMessageContaining(" holds an invisible formatting character (U+200B) at character 3;");
    Path notUtf8 = dir.resolve("latin1");
    Files.write(notUtf8, new byte[] {'t', (byte) 0xE9, 'k'});
    assertThatThrownBy(() -> new FileTokenSource(notUtf8))
        .hasMessageContaining(" holds bytes that are not UTF-8 (read as U+FFFD) at character 2;");
    assertThatThrownBy(() -> new FileTokenSource(tokenFile("tök\u00A0en")))
        .hasMessageContaining(
            " holds a non-ASCII character at character 2 and a space character (U+00A0) at"
                + " character 4;")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("ö", "00F6"));
    assertThatThrownBy(() -> new FileTokenSource(tokenFile("a b c d e f g")))
        .hasMessageContaining(
            " holds a space (U+0020) at character 2, a space (U+0020) at character 4, a space"
                + " (U+0020) at character 6, a space (U+0020) at character 8 and a space (U+0020)"
                + " at character 10 (and 1 more such character);");
  }

  @Test
  void anEmptyOrMissingFileIsRefusedAsAnInvalidToken() throws Exception {
    Path empty = tokenFile(" \n");
    assertThatThrownBy(() -> new FileTokenSource(empty))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage("the Wavefront token file " + empty + " is empty");
    Path missing = dir.resolve("missing");
    assertThatThrownBy(() -> new FileTokenSource(missing))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage("cannot read the Wavefront token file " + missing + ": NoSuchFileException");
  }

  @Test
  void aFixedTokenIsCheckedToo() {
    assertThatThrownBy(() -> FileTokenSource.fixed(BAD_TOKEN))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessageStartingWith("the fixed Wavefront token holds a line break (U+000A)")
        .satisfies(TokenLeaks::assertNoPartIn);
  }

  @Test
  void aSecretWithABadTokenIsRefusedNamingTheSecretAndKeyUntilItIsFixed() {
    String ns = "alert-manager-system";
    String name = "wavefront-api-token";
    putSecret(ns, name, BAD_TOKEN + "\n");
    String refusal =
        "the Wavefront token in Secret alert-manager-system/wavefront-api-token, key"
            + " 'wavefront-api-token', holds a line break (U+000A) at character 4, a carriage"
            + " return (U+000D) at character 8, a tab (U+0009) at character 12 and a NUL"
            + " character (U+0000) at character 16; a token is printable ASCII without spaces:"
            + " put the token alone in that key (a line break at its end is fine)";
    assertThatThrownBy(() -> new SecretTokenSource(client, ns, name, Duration.ZERO))
        .isInstanceOf(InvalidTokenException.class)
        .hasMessage(refusal)
        .satisfies(TokenLeaks::assertNoPartIn);

    putSecret(ns, name, "good-token\n");
    SecretTokenSource tokens = new SecretTokenSource(client, ns, name, Duration.ZERO);
    assertThat(tokens.current().value()).isEqualTo("good-token");
    putSecret(ns, name, BAD_TOKEN);
    assertThatThrownBy(tokens::current)
        .isInstanceOf(InvalidTokenException.class)
        .satisfies(TokenLeaks::assertNoPartIn);
    putSecret(ns, name, "rotated-token");
    assertThat(tokens.current().value()).isEqualTo("rotated-token");
    assertThat(tokens.current().version()).isEqualTo(2);
  }

  private static void putSecret(String ns, String name, String token) {
    client
        .secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .addToData(
                    name,
                    Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)))
                .build())
        .createOr(r -> r.update());
  }
}
