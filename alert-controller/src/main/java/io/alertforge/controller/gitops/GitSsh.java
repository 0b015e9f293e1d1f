package io.alertforge.controller.gitops;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.eclipse.jgit.api.TransportConfigCallback;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * The SSH side of one fetch: the private key read from {@code --git-ssh-key-file} now (so a rotated
 * Secret needs no restart), the server key checked by {@link StrictKnownHosts}, and a JGit session
 * factory that uses nothing else: its home is a private empty directory, so neither the process's
 * {@code ~/.ssh} (keys, known_hosts, config) nor an ssh-agent can change what is trusted or sent.
 * Given to the one fetch as its {@link TransportConfigCallback}, never installed globally; closing
 * it stops the sshd client and its threads.
 */
final class GitSsh implements TransportConfigCallback, AutoCloseable {
  private final SshdSessionFactory factory;
  private final StrictKnownHosts knownHosts;
  private final List<KeyPair> keys;
  private final Path home;

  private GitSsh(
      SshdSessionFactory factory, StrictKnownHosts knownHosts, List<KeyPair> keys, Path home) {
    this.factory = factory;
    this.knownHosts = knownHosts;
    this.keys = keys;
    this.home = home;
  }

  /** Reads the key and prepares the session factory for one fetch. */
  static GitSsh open(GitSourceSettings settings) throws IOException {
    List<KeyPair> keys = readKeys(settings.sshKeyFile(), settings.sshKeyPassphraseFile());
    StrictKnownHosts knownHosts = new StrictKnownHosts(settings.knownHostsFile());
    Path home = Files.createTempDirectory("alertforge-ssh-"); // owner-only, and stays empty
    SshdSessionFactory factory =
        new SshdSessionFactoryBuilder()
            .setHomeDirectory(home.toFile())
            .setSshDirectory(home.toFile())
            // no ssh config: Host blocks could switch keys, hosts or host key checking
            .setConfigFile(sshDir -> null)
            .setDefaultKeysProvider(sshDir -> keys)
            .setServerKeyDatabase((homeDir, sshDir) -> knownHosts)
            // no ssh-agent: unset, the builder would load one found on the class path
            .setConnectorFactory(null)
            .setPreferredAuthentications("publickey")
            .build(null);
    return new GitSsh(factory, knownHosts, keys, home);
  }

  /** The SSH client's private home, for the test that it is removed with this. */
  Path home() {
    return home;
  }

  @Override
  public void configure(Transport transport) {
    ((SshTransport) transport).setSshSessionFactory(factory);
  }

  /**
   * What an operator needs to know about a failed fetch, when SSH is the reason: the refused host
   * key, or the refused client key. Null for other failures.
   */
  String explain(Throwable failure) {
    if (knownHosts.refusal() != null) {
      return knownHosts.refusal();
    }
    for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof SshException e
          && e.getDisconnectCode() == SshConstants.SSH2_DISCONNECT_NO_MORE_AUTH_METHODS_AVAILABLE) {
        return "not authorized: the server refused the key of --git-ssh-key-file ("
            + keys.stream()
                .map(k -> StrictKnownHosts.describe(k.getPublic()))
                .collect(Collectors.joining(", "))
            + "); give its public key read access to the repository (a deploy key)";
      }
    }
    return null;
  }

  private static List<KeyPair> readKeys(Path file, Path passphraseFile) throws IOException {
    byte[] key = readMounted(file, "--git-ssh-key-file");
    String passphrase =
        passphraseFile == null
            ? null
            : new String(readMounted(passphraseFile, "--git-ssh-key-passphrase-file"), UTF_8)
                .replaceAll("\\R+$", "");
    AtomicBoolean asked = new AtomicBoolean();
    FilePasswordProvider password =
        (session, resource, attempt) -> {
          asked.set(true);
          return passphrase;
        };
    List<KeyPair> keys = new ArrayList<>();
    try {
      Iterable<KeyPair> loaded =
          SecurityUtils.loadKeyPairIdentities(
              null, NamedResource.ofName(file.toString()), new ByteArrayInputStream(key), password);
      if (loaded != null) { // null: no key in a format sshd knows
        loaded.forEach(keys::add);
      }
    } catch (GeneralSecurityException | IOException | RuntimeException e) {
      String why;
      if (!asked.get()) {
        // sshd's reason names the format problem, never the file's content
        why = "cannot read the key in --git-ssh-key-file " + file + ": " + e.getMessage();
      } else if (passphrase == null) {
        why =
            "the key in --git-ssh-key-file "
                + file
                + " is encrypted: mount its passphrase and give --git-ssh-key-passphrase-file";
      } else {
        why =
            "cannot decrypt the key in --git-ssh-key-file "
                + file
                + ": is --git-ssh-key-passphrase-file "
                + passphraseFile
                + " its passphrase?";
      }
      throw new IOException(why);
    }
    if (keys.isEmpty()) {
      throw new IOException(
          "no private key in --git-ssh-key-file "
              + file
              + ": it must hold an OpenSSH private key (ed25519, ecdsa or rsa; -----BEGIN OPENSSH"
              + " PRIVATE KEY-----)");
    }
    return keys;
  }

  /** A file of a mounted Secret; a missing one is reported with the flag that names it. */
  static byte[] readMounted(Path file, String flag) throws IOException {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IOException(
          flag + " " + file + " does not exist: is the Secret mounted there, with that key?");
    }
  }

  @Override
  public void close() {
    factory.close();
    try {
      Files.deleteIfExists(home);
    } catch (IOException e) {
      // an empty directory left in the temp directory harms nothing; the fetch's outcome counts
    }
  }
}
