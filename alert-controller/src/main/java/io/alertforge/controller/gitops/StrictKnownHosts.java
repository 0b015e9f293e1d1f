package io.alertforge.controller.gitops;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;

/**
 * The server key check of an SSH fetch: the key the server offers must be on a line of {@code
 * --git-known-hosts-file} for the host (as written in the URL, or its address) and port. There is
 * no trust on first use: an unknown or changed key is refused, never asked about, never added, and
 * nothing of {@code ~/.ssh} is read. The file is read at every connection, so an updated Secret
 * needs no restart. The reason of a refusal is kept for the fetch's error message, which must name
 * the key the server offered so that an operator can check it with the Git host.
 */
final class StrictKnownHosts implements ServerKeyDatabase {
  private static final String REVOKED = "revoked";
  private static final String FLAG = "--git-known-hosts-file";

  private final Path file;
  private volatile String refusal;

  StrictKnownHosts(Path file) {
    this.file = file;
  }

  /** Why the last server key was refused; null when none was. */
  String refusal() {
    return refusal;
  }

  /** The keys known for the server: JGit asks the server for these key types first. */
  @Override
  public List<PublicKey> lookup(
      String connectAddress, InetSocketAddress remoteAddress, Configuration config) {
    try {
      return known(connectAddress, remoteAddress).keys();
    } catch (IOException e) {
      return List.of(); // accept() refuses the key and says why
    }
  }

  @Override
  public boolean accept(
      String connectAddress,
      InetSocketAddress remoteAddress,
      PublicKey serverKey,
      Configuration config,
      CredentialsProvider provider) {
    String server = host(connectAddress) + ":" + remoteAddress.getPort();
    String offered = describe(serverKey);
    Known known;
    try {
      known = known(connectAddress, remoteAddress);
    } catch (IOException e) {
      refusal = e.getMessage();
      return false;
    }
    if (known.revoked().stream().anyMatch(k -> KeyUtils.compareKeys(k, serverKey))) {
      refusal = "the host key of " + server + " (" + offered + ") is @revoked in " + where();
      return false;
    }
    if (known.keys().stream().anyMatch(k -> KeyUtils.compareKeys(k, serverKey))) {
      refusal = null;
      return true;
    }
    String check =
        "; check that fingerprint with the Git host's published ones, then put the line of `"
            + keyscan(connectAddress, remoteAddress.getPort())
            + "` in the file";
    refusal =
        known.keys().isEmpty()
            ? "the host key of "
                + server
                + " is not in "
                + where()
                + ": the server offered "
                + offered
                + check
            : "the host key of "
                + server
                + " does not match "
                + where()
                + ", which has "
                + known.keys().stream()
                    .map(StrictKnownHosts::describe)
                    .collect(Collectors.joining(", "))
                + ": the server offered "
                + offered
                + ". If the Git host changed its key"
                + check
                + "; if not, someone may be intercepting the connection";
    return false;
  }

  private String where() {
    return FLAG + " " + file;
  }

  /** The keys on the file's lines for the server, the @revoked ones apart. */
  private record Known(List<PublicKey> keys, List<PublicKey> revoked) {}

  /** The lines for the host as written in the URL, or for the address it resolved to. */
  private Known known(String connectAddress, InetSocketAddress remoteAddress) throws IOException {
    byte[] lines = GitSsh.readMounted(file, FLAG);
    String host = host(connectAddress);
    String address = remoteAddress.getAddress().getHostAddress();
    int port = remoteAddress.getPort();
    List<PublicKey> keys = new ArrayList<>();
    List<PublicKey> revoked = new ArrayList<>();
    try {
      for (KnownHostEntry e :
          KnownHostEntry.readKnownHostEntries(new ByteArrayInputStream(lines), true)) {
        if (!e.isHostMatch(host, port) && !e.isHostMatch(address, port)) {
          continue;
        }
        PublicKey key = e.getKeyEntry().resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
        if (key == null) {
          continue; // a key type sshd cannot use, as OpenSSH skips one it does not know
        }
        if (e.getMarker() == null) {
          keys.add(key);
        } else if (REVOKED.equals(e.getMarker())) {
          revoked.add(key);
        } // @cert-authority: host certificates are not supported, so such a line matches nothing
      }
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new IOException("cannot read " + where() + ": " + e.getMessage(), e);
    }
    return new Known(keys, revoked);
  }

  /** JGit's {@code connectAddress} is known_hosts' form: {@code host}, or {@code [host]:port}. */
  private static String host(String connectAddress) {
    return connectAddress.startsWith("[")
        ? connectAddress.substring(1, connectAddress.indexOf(']'))
        : connectAddress;
  }

  private static String keyscan(String connectAddress, int port) {
    return "ssh-keyscan " + (port == 22 ? "" : "-p " + port + " ") + host(connectAddress);
  }

  /** The key's type and SHA-256 fingerprint, as {@code ssh-keygen -l} prints them. */
  static String describe(PublicKey key) {
    return KeyUtils.getKeyType(key) + " " + KeyUtils.getFingerPrint(key);
  }
}
