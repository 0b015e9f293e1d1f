package io.alertforge.controller.admission;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The webhook's certificate and key from PEM files (a mounted {@code kubernetes.io/tls} Secret:
 * {@code tls.crt}, the chain; {@code tls.key}, a PKCS#8 key, RSA or EC), re-read when either file
 * changes, so a renewed certificate is served without a restart. Checked at each handshake (two
 * stats); a half-written pair that does not load keeps the previous one.
 */
public final class ReloadingKeyManager extends X509ExtendedKeyManager {
  private final Path certFile;
  private final Path keyFile;
  private volatile X509ExtendedKeyManager delegate;
  private volatile List<FileTime> loadedAt = List.of();

  public ReloadingKeyManager(Path certFile, Path keyFile) throws IOException {
    this.certFile = certFile;
    this.keyFile = keyFile;
    try {
      reload();
    } catch (GeneralSecurityException e) {
      throw new IOException(
          "cannot load " + certFile + " and " + keyFile + ": " + e.getMessage(), e);
    }
  }

  private X509ExtendedKeyManager current() {
    try {
      List<FileTime> now =
          List.of(Files.getLastModifiedTime(certFile), Files.getLastModifiedTime(keyFile));
      if (!now.equals(loadedAt)) {
        synchronized (this) {
          if (!now.equals(loadedAt)) {
            reload();
          }
        }
      }
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      // keep serving the previous pair; the next handshake tries again
    }
    return delegate;
  }

  private void reload() throws IOException, GeneralSecurityException {
    List<FileTime> stamp =
        List.of(Files.getLastModifiedTime(certFile), Files.getLastModifiedTime(keyFile));
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    Certificate[] chain =
        cf.generateCertificates(new ByteArrayInputStream(Files.readAllBytes(certFile)))
            .toArray(new Certificate[0]);
    if (chain.length == 0) {
      throw new GeneralSecurityException("no certificate in " + certFile);
    }
    PrivateKey key = privateKey(Files.readString(keyFile, StandardCharsets.US_ASCII));
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("webhook", key, new char[0], chain);
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, new char[0]);
    delegate = (X509ExtendedKeyManager) kmf.getKeyManagers()[0];
    loadedAt = stamp;
  }

  static PrivateKey privateKey(String pem) throws GeneralSecurityException {
    if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
      throw new GeneralSecurityException(
          "tls.key must be a PKCS#8 PEM key (BEGIN PRIVATE KEY); with cert-manager set"
              + " privateKey.encoding: PKCS8");
    }
    String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64));
    for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new GeneralSecurityException("tls.key is neither an RSA, an EC nor an Ed25519 key");
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return current().getClientAliases(keyType, issuers);
  }

  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    return current().chooseClientAlias(keyType, issuers, socket);
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return current().getServerAliases(keyType, issuers);
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return current().chooseServerAlias(keyType, issuers, socket);
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return current().chooseEngineServerAlias(keyType, issuers, engine);
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return delegate.getCertificateChain(alias);
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return delegate.getPrivateKey(alias);
  }
}
