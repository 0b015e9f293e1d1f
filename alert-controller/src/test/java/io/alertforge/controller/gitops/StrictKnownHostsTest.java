package io.alertforge.controller.gitops;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The known_hosts rules as JGit calls them, with no connection: what OpenSSH's client does. */
class StrictKnownHostsTest {
  static final InetSocketAddress SERVER =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 2222);
  static final String CONNECT = "[git.example.com]:2222"; // JGit's form of host and port

  @TempDir Path tmp;
  Path file;
  PublicKey hostKey;
  String keyText;
  StrictKnownHosts db;

  @BeforeEach
  void setUp() throws Exception {
    file = tmp.resolve("known_hosts");
    hostKey = GitSshServer.newKey(KeyPairProvider.SSH_ED25519).getPublic();
    keyText = PublicKeyEntry.toString(hostKey);
    db = new StrictKnownHosts(file);
  }

  boolean accepts(String lines) throws Exception {
    Files.writeString(file, lines);
    return db.accept(CONNECT, SERVER, hostKey, null, null);
  }

  @Test
  void theHostNameOrItsAddressWithThePortMatches() throws Exception {
    assertThat(accepts("# comment\n[git.example.com]:2222 " + keyText + "\n")).isTrue();
    assertThat(db.refusal()).isNull();
    assertThat(accepts("[127.0.0.1]:2222 " + keyText + "\n")).isTrue();
    assertThat(accepts("other.example.com," + "[git.example.com]:2222 " + keyText + "\n")).isTrue();
    assertThat(db.lookup(CONNECT, SERVER, null))
        .singleElement()
        .matches(k -> KeyUtils.compareKeys(k, hostKey));
  }

  @Test
  void aLineForAnotherPortOrHostDoesNotMatch() throws Exception {
    assertThat(accepts("git.example.com " + keyText + "\n")).as("port 22 only").isFalse();
    assertThat(db.refusal())
        .contains("the host key of git.example.com:2222 is not in --git-known-hosts-file")
        .contains(KeyUtils.getFingerPrint(hostKey))
        .contains("ssh-keyscan -p 2222 git.example.com");
    assertThat(accepts("[git.example.org]:2222 " + keyText + "\n")).isFalse();
    assertThat(db.lookup(CONNECT, SERVER, null)).isEmpty();
  }

  @Test
  void aHashedHostNameMatches() throws Exception {
    byte[] salt = new byte[20];
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(salt, "HmacSHA1"));
    byte[] hash = mac.doFinal(CONNECT.getBytes(UTF_8));
    Base64.Encoder b64 = Base64.getEncoder();
    String hashed = "|1|" + b64.encodeToString(salt) + "|" + b64.encodeToString(hash);
    assertThat(accepts(hashed + " " + keyText + "\n")).isTrue();
  }

  @Test
  void aRevokedKeyIsRefusedEvenWhenAlsoListed() throws Exception {
    assertThat(accepts("@revoked " + CONNECT + " " + keyText + "\n" + CONNECT + " " + keyText))
        .isFalse();
    assertThat(db.refusal()).contains("is @revoked in --git-known-hosts-file");
  }

  @Test
  void aCertificateAuthorityLineTrustsNothing() throws Exception {
    assertThat(accepts("@cert-authority " + CONNECT + " " + keyText + "\n")).isFalse();
  }

  @Test
  void aMissingFileRefusesAndNamesTheFlag() throws Exception {
    assertThat(db.accept(CONNECT, SERVER, hostKey, null, null)).isFalse();
    assertThat(db.refusal())
        .isEqualTo(
            "--git-known-hosts-file "
                + file
                + " does not exist: is the Secret mounted there, with that key?");
  }
}
