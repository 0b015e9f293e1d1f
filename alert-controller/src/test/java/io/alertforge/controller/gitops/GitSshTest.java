package io.alertforge.controller.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading {@code --git-ssh-key-file}: what an operator is told when the key cannot be used. */
class GitSshTest {
  @TempDir Path tmp;

  GitSourceSettings settings(Path key, Path passphrase) {
    return GitSourceSettings.builder(
            URI.create("ssh://git@git.example.com/org/alerts.git"),
            "main",
            tmp.resolve("cache"),
            "ns")
        .ssh(key, passphrase, tmp.resolve("known_hosts"))
        .build();
  }

  @Test
  void readsEachKeyTypeAndLeavesNoHomeDirectoryBehind() throws Exception {
    for (String type :
        List.of(
            KeyPairProvider.SSH_ED25519,
            KeyPairProvider.ECDSA_SHA2_NISTP256,
            KeyPairProvider.SSH_RSA)) {
      Path key = GitSshServer.writePrivateKey(GitSshServer.newKey(type), tmp.resolve(type), null);
      Path home;
      try (GitSsh ssh = GitSsh.open(settings(key, null))) {
        assertThat(ssh.explain(new IllegalStateException("unrelated"))).as(type).isNull();
        home = ssh.home();
        assertThat(home).as("its private home while open").isEmptyDirectory();
      }
      assertThat(home).as(type + ": its home, once closed").doesNotExist();
    }
  }

  @Test
  void aMissingKeyFileNamesTheFlag() {
    Path missing = tmp.resolve("identity");
    assertThatThrownBy(() -> GitSsh.open(settings(missing, null)))
        .hasMessage(
            "--git-ssh-key-file "
                + missing
                + " does not exist: is the Secret mounted there, with"
                + " that key?");
  }

  @Test
  void aPublicKeyInsteadOfThePrivateOneIsRefusedClearly() throws Exception {
    KeyPair pair = GitSshServer.newKey(KeyPairProvider.SSH_ED25519);
    Path key =
        Files.writeString(tmp.resolve("identity"), PublicKeyEntry.toString(pair.getPublic()));
    assertThatThrownBy(() -> GitSsh.open(settings(key, null)))
        .hasMessageContaining("no private key in --git-ssh-key-file " + key)
        .hasMessageContaining("OpenSSH private key");
  }

  @Test
  void aWrongPassphraseIsReportedWithoutItself() throws Exception {
    KeyPair pair = GitSshServer.newKey(KeyPairProvider.SSH_ED25519);
    Path key = GitSshServer.writePrivateKey(pair, tmp.resolve("identity"), "right one");
    Path passphrase = Files.writeString(tmp.resolve("passphrase"), "wrong one\n");
    assertThatThrownBy(() -> GitSsh.open(settings(key, passphrase)))
        .hasMessageContaining("cannot decrypt the key in --git-ssh-key-file " + key)
        .hasMessageContaining("--git-ssh-key-passphrase-file " + passphrase)
        .hasMessageNotContaining("wrong one")
        .hasMessageNotContaining("right one");
  }
}
