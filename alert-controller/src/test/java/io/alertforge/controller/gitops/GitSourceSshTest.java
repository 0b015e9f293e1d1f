package io.alertforge.controller.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Git source over SSH against a real SSH server on 127.0.0.1 ({@link GitSshServer}, Apache MINA
 * sshd serving JGit's upload-pack): the key and known_hosts read from files, strict host key
 * checking, a rotated key used without a restart, refusals that say what to check without printing
 * key material, and no sshd client thread left after a fetch.
 */
@EnableKubernetesMockClient(crud = true)
class GitSourceSshTest {
  static KubernetesClient client;

  @TempDir Path tmp;
  GitSourceFixture fixture;
  GitSshServer ssh;
  KeyPair deployKey;
  Path keyFile;
  Path knownHosts;

  @BeforeEach
  void setUp() throws Exception {
    fixture = new GitSourceFixture(client, tmp.resolve("origin"));
    deployKey = GitSshServer.newKey(KeyPairProvider.SSH_ED25519);
    ssh =
        fixture.closeAfter(
            new GitSshServer(fixture.origin.git.getRepository(), deployKey.getPublic()));
    keyFile = GitSshServer.writePrivateKey(deployKey, tmp.resolve("identity"), null);
    knownHosts = Files.writeString(tmp.resolve("known_hosts"), ssh.knownHostsLine() + "\n");
  }

  @AfterEach
  void tearDown() throws Exception {
    fixture.close();
  }

  GitSourceSettings sshSettings(Path passphraseFile) {
    return GitSourceSettings.builder(
            ssh.url(), "main", tmp.resolve("cache"), GitSourceFixture.SYSTEM_NS)
        .ssh(keyFile, passphraseFile, knownHosts)
        .build();
  }

  static Set<String> sshClientThreads() {
    Set<String> names = ConcurrentHashMap.newKeySet();
    Thread.getAllStackTraces().keySet().stream()
        .map(Thread::getName)
        .filter(n -> n.contains("SshClient"))
        .forEach(names::add);
    return names;
  }

  static boolean sameKey(PublicKey a, PublicKey b) {
    return KeyUtils.compareKeys(a, b);
  }

  @Test
  void fetchesOverSshAppliesTheSampleRepoAndLeavesNoClientThread() throws Exception {
    Set<String> clientThreadsWhileFetching = ConcurrentHashMap.newKeySet();
    ssh.whileServing = () -> clientThreadsWhileFetching.addAll(sshClientThreads());

    GitSync.Result ok = fixture.newSync(sshSettings(null)).sync();

    assertThat(ok.state()).as(ok.message()).isEqualTo(GitSync.State.Applied);
    assertThat(fixture.crCount()).isEqualTo(ok.created()).isGreaterThan(10);
    assertThat(ssh.fetchedWith).singleElement().matches(k -> sameKey(k, deployKey.getPublic()));
    assertThat(clientThreadsWhileFetching).as("sshd client threads during the fetch").isNotEmpty();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(sshClientThreads()).isEmpty());
  }

  @Test
  void aKeyRotatedInItsFileIsUsedWithoutARestart() throws Exception {
    GitSync sync = fixture.newSync(sshSettings(null));
    GitSync.Result first = sync.sync();
    assertThat(first.state()).as(first.message()).isEqualTo(GitSync.State.Applied);

    // the Git host now accepts only the new deploy key; the Secret still holds the old one
    KeyPair rotated = GitSshServer.newKey(KeyPairProvider.SSH_RSA);
    ssh.authorize(rotated.getPublic());
    fixture.origin.replace(
        "payments/apps/payments-ledger.yaml", "threshold: \"75\"", "threshold: \"70\"");
    fixture.origin.commit("ledger disk at 70%");
    assertThat(sync.sync().message()).contains("not authorized");

    GitSshServer.writePrivateKey(rotated, keyFile, null);
    GitSync.Result again = sync.sync();

    assertThat(again.state()).as(again.message()).isEqualTo(GitSync.State.Applied);
    assertThat(again.updated()).isEqualTo(1);
    assertThat(ssh.fetchedWith).last().matches(k -> sameKey(k, rotated.getPublic()));
  }

  @Test
  void anEncryptedKeyIsReadWithItsPassphraseFile() throws Exception {
    KeyPair ecdsa = GitSshServer.newKey(KeyPairProvider.ECDSA_SHA2_NISTP256);
    ssh.authorize(ecdsa.getPublic());
    GitSshServer.writePrivateKey(ecdsa, keyFile, "correct horse");

    GitSync.Result noPassphrase = fixture.newSync(sshSettings(null)).sync();
    assertThat(noPassphrase.state()).isEqualTo(GitSync.State.FetchFailed);
    assertThat(noPassphrase.message())
        .contains("is encrypted", "--git-ssh-key-passphrase-file")
        .doesNotContain("correct horse");

    Path passphrase = Files.writeString(tmp.resolve("passphrase"), "correct horse\n");
    GitSync.Result ok = fixture.newSync(sshSettings(passphrase)).sync();
    assertThat(ok.state()).as(ok.message()).isEqualTo(GitSync.State.Applied);
    assertThat(ssh.fetchedWith).singleElement().matches(k -> sameKey(k, ecdsa.getPublic()));
  }

  @Test
  void anUnknownOrChangedHostKeyIsRefusedWithItsFingerprintAndNothingIsSentOrApplied()
      throws Exception {
    String port = String.valueOf(ssh.url().getPort());
    String offered = KeyUtils.getFingerPrint(ssh.hostKey.getPublic());
    KeyPair other = GitSshServer.newKey(KeyPairProvider.SSH_ED25519);
    String otherLine = PublicKeyEntry.toString(other.getPublic());
    Files.writeString(knownHosts, "git.example.com " + otherLine + "\n");
    GitSync sync = fixture.newSync(sshSettings(null));

    GitSync.Result unknown = sync.sync();

    assertThat(unknown.state()).isEqualTo(GitSync.State.FetchFailed);
    assertThat(unknown.message())
        .contains(
            "the host key of 127.0.0.1:" + port + " is not in --git-known-hosts-file",
            "ssh-ed25519 " + offered,
            "ssh-keyscan -p " + port + " 127.0.0.1");

    Files.writeString(knownHosts, "[127.0.0.1]:" + port + " " + otherLine + "\n");
    GitSync.Result changed = sync.sync();

    assertThat(changed.state()).isEqualTo(GitSync.State.FetchFailed);
    assertThat(changed.message())
        .contains(
            "the host key of 127.0.0.1:" + port + " does not match --git-known-hosts-file",
            KeyUtils.getFingerPrint(other.getPublic()),
            "the server offered ssh-ed25519 " + offered);
    assertThat(ssh.fetchedWith).as("no session got as far as upload-pack").isEmpty();
    assertThat(fixture.crCount()).isZero();

    // the operator checked the fingerprint and mounted the right line: no restart needed
    Files.writeString(knownHosts, ssh.knownHostsLine() + "\n");
    assertThat(sync.sync().state()).isEqualTo(GitSync.State.Applied);
  }

  @Test
  void aRefusedClientKeyIsNotAuthorizedAndNoKeyMaterialIsPrinted() throws Exception {
    KeyPair stranger = GitSshServer.newKey(KeyPairProvider.SSH_ED25519);
    GitSshServer.writePrivateKey(stranger, keyFile, null);
    String privateKeyFile = Files.readString(keyFile);
    String publicKeyLine = PublicKeyEntry.toString(stranger.getPublic());

    GitSync.Result refused = fixture.newSync(sshSettings(null)).sync();

    assertThat(refused.state()).isEqualTo(GitSync.State.FetchFailed);
    assertThat(refused.message())
        .contains("not authorized", "--git-ssh-key-file")
        .contains(KeyUtils.getFingerPrint(stranger.getPublic()))
        .doesNotContain("PRIVATE KEY")
        .doesNotContain(publicKeyLine.split(" ")[1]);
    for (String line : privateKeyFile.lines().filter(l -> !l.startsWith("-----")).toList()) {
      assertThat(refused.message()).doesNotContain(line);
    }
    assertThat(fixture.crCount()).isZero();
  }
}
