package io.alertforge.model;

import java.util.regex.Pattern;

/**
 * The customer tags that mark a Wavefront alert as this controller's, within Wavefront's tag
 * charset {@code [A-Za-z0-9_:.-]} and 254 characters:
 *
 * <ul>
 *   <li>{@code alertforge-cluster:<cluster>} on every alert of a cluster: the resync lists them by
 *       this tag, 1,000 a page;
 *   <li>{@code alertforge-owner:<cluster>:<namespace>:<name>} identifies the one CR an alert
 *       belongs to. Namespaces and names cannot contain {@code :} and cluster names may not, so the
 *       tag is unambiguous. When it would exceed 254 characters the name is replaced by {@code
 *       _sha256_<first 32 hex of sha256(name)>}; {@code _} cannot occur in a Kubernetes name, so
 *       this form never collides with a real one.
 * </ul>
 */
public final class OwnershipTag {
  public static final String CLUSTER_PREFIX = "alertforge-cluster:";
  public static final String OWNER_PREFIX = "alertforge-owner:";
  static final int MAX_TAG = 254;
  private static final Pattern CLUSTER = Pattern.compile("[A-Za-z0-9_.-]{1,63}");

  private final String cluster;

  public OwnershipTag(String cluster) {
    if (cluster == null || !CLUSTER.matcher(cluster).matches()) {
      throw new IllegalArgumentException(
          "the cluster name must match [A-Za-z0-9_.-]{1,63} (it goes into Wavefront tags), got '"
              + cluster
              + "'");
    }
    this.cluster = cluster;
  }

  public String cluster() {
    return cluster;
  }

  public String clusterTag() {
    return CLUSTER_PREFIX + cluster;
  }

  public String ownerTag(String namespace, String name) {
    String prefix = OWNER_PREFIX + cluster + ":" + namespace + ":";
    String tag = prefix + name;
    return tag.length() <= MAX_TAG ? tag : prefix + "_sha256_" + Sha256.hex(name).substring(0, 32);
  }

  /**
   * Whether {@code ownerTag} is an owner tag of this cluster, compared exactly: Wavefront's tag
   * search ignores case, so a search for this cluster's tags also returns those of a cluster whose
   * name differs only in case.
   */
  public boolean isThisClusters(String ownerTag) {
    return ownerTag != null && ownerTag.startsWith(OWNER_PREFIX + cluster + ":");
  }

  /** The namespace part of one of this cluster's owner tags (names and namespaces hold no ':'). */
  public String namespaceOf(String ownerTag) {
    String rest = ownerTag.substring((OWNER_PREFIX + cluster + ":").length());
    int colon = rest.indexOf(':');
    return colon < 0 ? rest : rest.substring(0, colon);
  }

  /** A tag a user may not set in {@code spec.tags}: it would claim another CR's alert. */
  public static boolean isReserved(String tag) {
    String t = tag.toLowerCase();
    return t.startsWith(CLUSTER_PREFIX) || t.startsWith(OWNER_PREFIX);
  }
}
