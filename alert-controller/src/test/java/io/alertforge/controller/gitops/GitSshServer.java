package io.alertforge.controller.gitops;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.AbstractCommandSupport;
import org.apache.sshd.server.command.Command;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.UploadPack;

/**
 * A Git host over SSH on 127.0.0.1 (Apache MINA sshd): public-key auth only, for the user {@code
 * git} and the keys it authorizes, and {@code git-upload-pack '/repo.git'} served by JGit's {@link
 * UploadPack} on the channel's streams. Its host key is made here, like the clients' keys.
 */
final class GitSshServer implements AutoCloseable {
  static final String USER = "git";
  static final String PATH = "/repo.git";
  private static final AttributeKey<PublicKey> LOGIN_KEY = new AttributeKey<>();

  final KeyPair hostKey;

  /** The key of each session that ran upload-pack, in order. */
  final List<PublicKey> fetchedWith = new CopyOnWriteArrayList<>();

  /** Runs in each upload-pack, while the client is connected. */
  volatile Runnable whileServing = () -> {};

  private final SshServer server;
  private final Repository repository;
  private volatile Set<PublicKey> authorized;

  GitSshServer(Repository repository, PublicKey... authorized) throws Exception {
    this.repository = repository;
    this.hostKey = newKey(KeyPairProvider.SSH_ED25519);
    authorize(authorized);
    server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
    server.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
    server.setPublickeyAuthenticator(
        (user, key, session) -> {
          boolean ok =
              USER.equals(user)
                  && this.authorized.stream().anyMatch(k -> KeyUtils.compareKeys(k, key));
          if (ok) {
            session.setAttribute(LOGIN_KEY, key);
          }
          return ok;
        });
    server.setCommandFactory(this::command);
    server.start();
  }

  /** Replaces the authorized keys (a deploy key rotated at the Git host). */
  void authorize(PublicKey... keys) {
    authorized = Set.of(keys);
  }

  URI url() {
    return URI.create("ssh://" + USER + "@127.0.0.1:" + server.getPort() + PATH);
  }

  /** This server's line in known_hosts, as {@code ssh-keyscan -p PORT 127.0.0.1} prints it. */
  String knownHostsLine() {
    return "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(hostKey.getPublic());
  }

  /** A new key pair: {@code ssh-ed25519}, {@code ecdsa-sha2-nistp256} or {@code ssh-rsa}. */
  static KeyPair newKey(String type) throws GeneralSecurityException {
    return KeyUtils.generateKeyPair(type, type.equals(KeyPairProvider.SSH_RSA) ? 2048 : 256);
  }

  /** Writes {@code key} as an OpenSSH private key file, encrypted when a passphrase is given. */
  static Path writePrivateKey(KeyPair key, Path file, String passphrase) throws Exception {
    OpenSSHKeyEncryptionContext encryption = null;
    if (passphrase != null) {
      encryption = new OpenSSHKeyEncryptionContext();
      encryption.setCipherName("AES");
      encryption.setCipherType("256");
      encryption.setPassword(passphrase);
      encryption.setKdfRounds(1); // bcrypt's default 16 rounds take seconds here, twice
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "alertforge-test", encryption, out);
    return Files.write(file, out.toByteArray());
  }

  private Command command(ChannelSession channel, String command) {
    return new AbstractCommandSupport(command, null) {
      @Override
      public void run() {
        if (!getCommand().equals("git-upload-pack '" + PATH + "'")) {
          onExit(1, "no such repository: " + getCommand());
          return;
        }
        fetchedWith.add(channel.getSession().getAttribute(LOGIN_KEY));
        whileServing.run();
        try {
          new UploadPack(repository).upload(getInputStream(), getOutputStream(), getErrorStream());
          onExit(0);
        } catch (IOException e) {
          onExit(1, e.getMessage());
        }
      }
    };
  }

  @Override
  public void close() throws IOException {
    server.stop(true);
  }
}
