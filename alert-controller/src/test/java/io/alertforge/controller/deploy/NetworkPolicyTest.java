package io.alertforge.controller.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The NetworkPolicies of every build (base, base with each component, every overlay), as the test
 * composes them: every rule names its peers and ports, nothing is open to everywhere, and each
 * build opens exactly the peers the controller talks to. Whether a CNI enforces them as written is
 * not tested here (docs/controller.md, "What is tested where").
 */
class NetworkPolicyTest {
  static final Map<String, String> POD_LABELS = Map.of("control-plane", "controller-manager");
  static final String PLACEHOLDER = "192.0.2.";
  static final Set<String> PRIVATE_V4 =
      Set.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16");
  static final Set<String> PRIVATE_V6 = Set.of("fc00::/7", "fe80::/10");

  static List<NetworkPolicy> policies(List<Map<String, Object>> build) {
    return KustomizeBuild.objects(build, NetworkPolicy.class);
  }

  @Test
  void everyIngressRuleNamesItsPeersAndAPortOfTheController() throws Exception {
    for (var build : DeployManifestsTest.builds().entrySet()) {
      Set<String> ports =
          DeployManifestsTest.deployment(build.getValue())
              .getSpec()
              .getTemplate()
              .getSpec()
              .getContainers()
              .get(0)
              .getPorts()
              .stream()
              .map(ContainerPort::getName)
              .collect(Collectors.toSet());
      for (NetworkPolicy np : policies(build.getValue())) {
        String what = build.getKey() + ": " + np.getMetadata().getName();
        for (var rule : np.getSpec().getIngress()) {
          assertThat(rule.getFrom()).as(what + ": ingress from whom").isNotEmpty();
          assertThat(rule.getPorts()).as(what + ": ingress to which port").isNotEmpty();
          for (NetworkPolicyPort p : rule.getPorts()) {
            assertThat(p.getProtocol()).as(what).isEqualTo("TCP");
            assertThat(p.getPort().getStrVal()).as(what + ": a named port").isIn(ports);
          }
          for (NetworkPolicyPeer peer : rule.getFrom()) {
            if (peer.getIpBlock() != null) {
              assertThat(peer.getIpBlock().getCidr())
                  .as(what + ": from everywhere")
                  .doesNotEndWith("/0");
            }
            if (peer.getNamespaceSelector() != null) {
              assertThat(isEmpty(peer.getNamespaceSelector()))
                  .as(what + ": from every namespace")
                  .isFalse();
            }
          }
        }
      }
    }
  }

  @Test
  void everyEgressRuleNamesItsPeersAndPortsAndTheInternetExcludesTheCluster() throws Exception {
    for (var build : DeployManifestsTest.builds().entrySet()) {
      for (NetworkPolicy np : policies(build.getValue())) {
        String what = build.getKey() + ": " + np.getMetadata().getName();
        for (var rule : np.getSpec().getEgress()) {
          assertThat(rule.getTo()).as(what + ": egress to whom").isNotEmpty();
          assertThat(rule.getPorts()).as(what + ": egress to which port").isNotEmpty();
          Set<Integer> numbers = new TreeSet<>();
          for (NetworkPolicyPort p : rule.getPorts()) {
            assertThat(p.getProtocol()).as(what).isIn("TCP", "UDP");
            assertThat(p.getPort().getIntVal()).as(what + ": a port number").isNotNull();
            numbers.add(p.getPort().getIntVal());
          }
          for (NetworkPolicyPeer peer : rule.getTo()) {
            IPBlock block = peer.getIpBlock();
            if (block != null && block.getCidr().endsWith("/0")) {
              assertThat(block.getExcept())
                  .as(what + ": the internet, not the cluster's or the cloud's addresses")
                  .containsAll(block.getCidr().contains(":") ? PRIVATE_V6 : PRIVATE_V4);
              assertThat(numbers)
                  .as(what + ": the internet on HTTPS or SSH only")
                  .isSubsetOf(443, 22);
            }
          }
          if (numbers.contains(53)) {
            assertThat(rule.getTo()).as(what + ": DNS is kube-dns").hasSize(1);
            NetworkPolicyPeer dns = rule.getTo().get(0);
            assertThat(dns.getNamespaceSelector().getMatchLabels())
                .isEqualTo(Map.of("kubernetes.io/metadata.name", "kube-system"));
            assertThat(dns.getPodSelector().getMatchLabels())
                .isEqualTo(Map.of("k8s-app", "kube-dns"));
            assertThat(numbers).as(what + ": DNS only").containsExactly(53);
          }
        }
      }
    }
  }

  @Test
  void everyPolicySelectsTheControllerAndNamesTheDirectionsOfItsRules() throws Exception {
    for (var build : DeployManifestsTest.builds().entrySet()) {
      Map<String, String> podLabels =
          DeployManifestsTest.deployment(build.getValue())
              .getSpec()
              .getTemplate()
              .getMetadata()
              .getLabels();
      assertThat(podLabels).containsAllEntriesOf(POD_LABELS);
      List<NetworkPolicy> policies = policies(build.getValue());
      for (NetworkPolicy np : policies) {
        String what = build.getKey() + ": " + np.getMetadata().getName();
        assertThat(np.getSpec().getPodSelector().getMatchLabels()).as(what).isEqualTo(POD_LABELS);
        assertThat(np.getMetadata().getNamespace()).as(what).isEqualTo("alert-manager-system");
        if (np.getMetadata().getName().equals("alertforge-controller")) {
          assertThat(np.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
          assertThat(np.getSpec().getIngress()).as(what + ": isolates only").isEmpty();
          assertThat(np.getSpec().getEgress()).as(what + ": isolates only").isEmpty();
        } else {
          assertThat(np.getSpec().getPolicyTypes())
              .as(what)
              .containsExactly(np.getSpec().getIngress().isEmpty() ? "Egress" : "Ingress");
          assertThat(np.getSpec().getIngress().isEmpty())
              .as(what + ": one direction a policy")
              .isNotEqualTo(np.getSpec().getEgress().isEmpty());
        }
      }
      assertThat(policies)
          .extracting(np -> np.getMetadata().getName())
          .as(build.getKey() + ": the policy that isolates in both directions")
          .contains("alertforge-controller");
    }
  }

  @Test
  void theBaseOpensExactlyTheControllersPeersAndLeavesTheApiServerToTheOverlay() throws Exception {
    var base = policies(KustomizeBuild.build(DeployManifestsTest.DEPLOY.resolve("base")));
    assertThat(ingress(base))
        .containsExactlyInAnyOrder(
            "webhook/TCP <- namespace kube-system",
            "webhook/TCP <- 192.0.2.1/32",
            "metrics/TCP <- namespace monitoring, pods app.kubernetes.io/name=prometheus");
    assertThat(egress(base))
        .containsExactlyInAnyOrder(
            "53/UDP,53/TCP -> namespace kube-system, pods k8s-app=kube-dns",
            "443/TCP,6443/TCP -> 192.0.2.1/32",
            "443/TCP -> 0.0.0.0/0 except [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16,"
                + " 100.64.0.0/10, 169.254.0.0/16]",
            "443/TCP -> ::/0 except [fc00::/7, fe80::/10]");
  }

  @Test
  void theComponentsAddThePushWebhookFromTheIngressControllerAndSsh() throws Exception {
    var deploy = DeployManifestsTest.DEPLOY;
    var webhook =
        policies(
            KustomizeBuild.build(deploy.resolve("base"), deploy.resolve("components/git-webhook")));
    assertThat(ingress(webhook)).contains("git-webhook/TCP <- namespace ingress-nginx");
    var ssh =
        policies(
            KustomizeBuild.build(deploy.resolve("base"), deploy.resolve("components/git-ssh")));
    assertThat(egress(ssh))
        .contains(
            "22/TCP -> 0.0.0.0/0 except [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16,"
                + " 100.64.0.0/10, 169.254.0.0/16]");
    var base = policies(KustomizeBuild.build(deploy.resolve("base")));
    assertThat(String.join("\n", ingress(base))).doesNotContain("git-webhook");
    assertThat(String.join("\n", egress(base))).doesNotContain("22/TCP");
  }

  @Test
  void theSampleOverlayNamesItsApiServerAndOpensOnlyWhatItsFlagsUse() throws Exception {
    var sample =
        policies(KustomizeBuild.build(DeployManifestsTest.DEPLOY.resolve("overlays/sample-repo")));
    assertThat(ingress(sample))
        .containsExactlyInAnyOrder(
            "webhook/TCP <- 10.0.0.0/28",
            "metrics/TCP <- namespace monitoring, pods app.kubernetes.io/name=prometheus",
            "git-webhook/TCP <- namespace ingress-nginx");
    assertThat(egress(sample))
        .contains("443/TCP -> 10.0.0.0/28")
        .noneMatch(rule -> rule.startsWith("22/"));
  }

  @Test
  void everyOverlaySetsTheApiServersAddresses() throws Exception {
    for (var install : DeployManifestsTest.installs().entrySet()) {
      if (install.getKey().equals("base")) {
        continue; // the base holds the placeholder the overlays replace
      }
      var policies = policies(install.getValue());
      assertThat(String.join("\n", ingress(policies)) + String.join("\n", egress(policies)))
          .as(install.getKey() + " must set the API server's addresses")
          .doesNotContain(PLACEHOLDER);
    }
  }

  /** Each ingress peer as {@code port/protocol,... <- peer}. */
  static List<String> ingress(List<NetworkPolicy> policies) {
    return policies.stream()
        .flatMap(np -> np.getSpec().getIngress().stream())
        .flatMap(r -> r.getFrom().stream().map(peer -> ports(r.getPorts()) + " <- " + peer(peer)))
        .toList();
  }

  /** Each egress peer as {@code port/protocol,... -> peer}. */
  static List<String> egress(List<NetworkPolicy> policies) {
    return policies.stream()
        .flatMap(np -> np.getSpec().getEgress().stream())
        .flatMap(r -> r.getTo().stream().map(peer -> ports(r.getPorts()) + " -> " + peer(peer)))
        .toList();
  }

  static String ports(List<NetworkPolicyPort> ports) {
    return ports.stream()
        .map(p -> port(p.getPort()) + "/" + p.getProtocol())
        .collect(Collectors.joining(","));
  }

  static String port(IntOrString p) {
    return p.getIntVal() != null ? p.getIntVal().toString() : p.getStrVal();
  }

  static String peer(NetworkPolicyPeer peer) {
    if (peer.getIpBlock() != null) {
      IPBlock b = peer.getIpBlock();
      return b.getCidr() + (b.getExcept().isEmpty() ? "" : " except " + b.getExcept());
    }
    String ns =
        peer.getNamespaceSelector() == null
            ? "this namespace"
            : "namespace "
                + peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name");
    return peer.getPodSelector() == null
        ? ns
        : ns + ", pods " + labels(peer.getPodSelector().getMatchLabels());
  }

  static String labels(Map<String, String> labels) {
    return labels.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .sorted()
        .collect(Collectors.joining(","));
  }

  static boolean isEmpty(LabelSelector s) {
    return (s.getMatchLabels() == null || s.getMatchLabels().isEmpty())
        && (s.getMatchExpressions() == null || s.getMatchExpressions().isEmpty());
  }
}
