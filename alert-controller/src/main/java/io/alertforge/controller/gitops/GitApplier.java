package io.alertforge.controller.gitops;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.alertforge.compiler.model.RenderedAlert;
import io.alertforge.model.Annotations;
import io.alertforge.model.BurnInWindow;
import io.alertforge.model.KeikoprojApi;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Applies a commit's rendered alerts to the cluster as {@code WavefrontAlert} objects: creates what
 * is new, updates what differs (spec, or AlertForge's labels and annotations) with optimistic
 * concurrency on {@code resourceVersion}, and prunes the objects it manages that the commit no
 * longer renders. Managed means the label {@code app.kubernetes.io/managed-by: alertforge} and an
 * {@code alertforge.io/source} annotation; nothing else is ever changed or deleted. Updates keep
 * every label and annotation they do not set (the burn-in stamp, {@code kubectl annotate}s).
 */
public final class GitApplier {

  public static final ResourceDefinitionContext WAVEFRONT_ALERTS =
      new ResourceDefinitionContext.Builder()
          .withGroup(KeikoprojApi.GROUP)
          .withVersion(KeikoprojApi.VERSION)
          .withKind(KeikoprojApi.WAVEFRONT_ALERT_KIND)
          .withPlural(KeikoprojApi.WAVEFRONT_ALERT_PLURAL)
          .withNamespaced(true)
          .build();

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a commit changes: decided before anything is written. */
  public record Plan(
      List<GenericKubernetesResource> create,
      List<GenericKubernetesResource> update,
      List<GenericKubernetesResource> prune,
      int unchanged,
      int managed,
      int kept) {

    /** This plan with its deletions left out: what applies while the guard holds them. */
    public Plan holdingPrunes() {
      return new Plan(create, update, List.of(), unchanged, managed, kept);
    }
  }

  /** What was written. {@code errors} lists the objects that failed, with why. */
  public record Outcome(int created, int updated, int pruned, int unchanged, List<String> errors) {}

  private final KubernetesClient client;

  public GitApplier(KubernetesClient client) {
    this.client = client;
  }

  /** The objects of the cluster that AlertForge's Git source manages. */
  public List<GenericKubernetesResource> managed() {
    return client
        .genericKubernetesResources(WAVEFRONT_ALERTS)
        .inAnyNamespace()
        .withLabel(Annotations.MANAGED_BY_LABEL, Annotations.MANAGED_BY)
        .list()
        .getItems()
        .stream()
        .filter(GitApplier::isManaged)
        .toList();
  }

  static boolean isManaged(GenericKubernetesResource r) {
    ObjectMeta m = r.getMetadata();
    return m.getLabels() != null
        && Annotations.MANAGED_BY.equals(m.getLabels().get(Annotations.MANAGED_BY_LABEL))
        && m.getAnnotations() != null
        && m.getAnnotations().containsKey(Annotations.SOURCE);
  }

  /** The object a rendered alert becomes, stamped with {@code commit}. */
  public static GenericKubernetesResource desired(RenderedAlert alert, String commit) {
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion(KeikoprojApi.API_VERSION);
    r.setKind(KeikoprojApi.WAVEFRONT_ALERT_KIND);
    Map<String, String> annotations = new TreeMap<>(alert.annotations());
    annotations.put(Annotations.COMMIT, commit);
    r.setMetadata(
        new ObjectMetaBuilder()
            .withNamespace(alert.namespace())
            .withName(alert.name())
            .withLabels(new TreeMap<>(alert.labels()))
            .withAnnotations(annotations)
            .build());
    r.setAdditionalProperty("spec", JSON.convertValue(alert.spec(), Map.class));
    return r;
  }

  /** Compares the desired objects with the managed ones. Pure. */
  public static Plan plan(
      List<GenericKubernetesResource> desired,
      List<GenericKubernetesResource> live,
      java.time.Instant now) {
    Map<String, GenericKubernetesResource> liveByKey = new LinkedHashMap<>();
    for (GenericKubernetesResource r : live) {
      liveByKey.put(key(r), r);
    }
    List<GenericKubernetesResource> create = new ArrayList<>();
    List<GenericKubernetesResource> update = new ArrayList<>();
    int unchanged = 0;
    for (GenericKubernetesResource want : desired) {
      GenericKubernetesResource have = liveByKey.remove(key(want));
      if (have == null) {
        create.add(stampBurnIn(want, now));
      } else if (differs(want, have)) {
        update.add(merge(want, have));
      } else {
        unchanged++;
      }
    }
    List<GenericKubernetesResource> prune = new ArrayList<>();
    int kept = 0;
    int terminating = 0;
    for (GenericKubernetesResource gone : liveByKey.values()) {
      Map<String, String> a = gone.getMetadata().getAnnotations();
      if (gone.getMetadata().getDeletionTimestamp() != null) {
        // deleted already, kept by the Wavefront sync's finalizer until its alert is gone: pruned
        // once, neither again nor counted among the managed objects the guard measures
        terminating++;
      } else if ("disabled".equals(a.get(Annotations.PRUNE))) {
        kept++;
      } else {
        prune.add(gone);
      }
    }
    return new Plan(create, update, prune, unchanged, live.size() - terminating, kept);
  }

  /** Writes a plan. One object's failure does not stop the others. */
  public Outcome apply(Plan plan) {
    List<String> errors = new ArrayList<>();
    int created = 0;
    int updated = 0;
    int pruned = 0;
    var resources = client.genericKubernetesResources(WAVEFRONT_ALERTS);
    for (GenericKubernetesResource r : plan.create()) {
      try {
        resources.inNamespace(r.getMetadata().getNamespace()).resource(r).create();
        created++;
      } catch (KubernetesClientException e) {
        errors.add(
            key(r)
                + (e.getCode() == 409
                    ? ": exists and is not managed by AlertForge; left alone"
                    : ": create failed: " + e.getMessage()));
      }
    }
    for (GenericKubernetesResource r : plan.update()) {
      try {
        // update() sends the resourceVersion read when planning: a concurrent change is a 409.
        resources.inNamespace(r.getMetadata().getNamespace()).resource(r).update();
        updated++;
      } catch (KubernetesClientException e) {
        errors.add(
            key(r)
                + (e.getCode() == 409
                    ? ": changed while applying (resourceVersion conflict); retried next sync"
                    : ": update failed: " + e.getMessage()));
      }
    }
    for (GenericKubernetesResource r : plan.prune()) {
      var object =
          resources.inNamespace(r.getMetadata().getNamespace()).withName(r.getMetadata().getName());
      try {
        // Ownership is checked again just before the delete: the object read when planning may
        // since have been annotated prune: disabled, or taken out of AlertForge's hands.
        GenericKubernetesResource now = object.get();
        if (now == null) {
          continue;
        }
        if (!unchangedSince(r, now)) {
          errors.add(key(r) + ": changed since the plan; not deleted, planned again next sync");
          continue;
        }
        // the precondition closes the gap between that read and the delete on an API server
        object.lockResourceVersion(now.getMetadata().getResourceVersion()).delete();
        pruned++;
      } catch (KubernetesClientException e) {
        errors.add(
            key(r)
                + (e.getCode() == 409
                    ? ": changed while deleting (resourceVersion conflict); retried next sync"
                    : ": delete failed: " + e.getMessage()));
      }
    }
    return new Outcome(created, updated, pruned, plan.unchanged(), errors);
  }

  /** The same object (uid) at the same resourceVersion: nothing about it changed. */
  private static boolean unchangedSince(
      GenericKubernetesResource planned, GenericKubernetesResource now) {
    return Objects.equals(planned.getMetadata().getUid(), now.getMetadata().getUid())
        && Objects.equals(
            planned.getMetadata().getResourceVersion(), now.getMetadata().getResourceVersion());
  }

  /**
   * A new alert of a namespace with burn-in gets {@code alertforge.io/burn-in-until}: now plus the
   * period. Updates never set it, so the stamp of the first apply is kept.
   */
  static GenericKubernetesResource stampBurnIn(GenericKubernetesResource r, java.time.Instant now) {
    Map<String, String> a = r.getMetadata().getAnnotations();
    String period = a.get(Annotations.BURN_IN_PERIOD);
    if (period != null && a.get(Annotations.BURN_IN_TARGET) != null) {
      a.put(
          Annotations.BURN_IN_UNTIL,
          now.plus(BurnInWindow.period(period))
              .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
              .toString());
    }
    return r;
  }

  static String key(GenericKubernetesResource r) {
    return r.getMetadata().getNamespace() + "/" + r.getMetadata().getName();
  }

  /** Differs in spec, or in a label or annotation the commit sets (the commit stamp aside). */
  private static boolean differs(GenericKubernetesResource want, GenericKubernetesResource have) {
    if (!Objects.equals(
        canonical(want.getAdditionalProperties().get("spec")),
        canonical(have.getAdditionalProperties().get("spec")))) {
      return true;
    }
    return !contains(have.getMetadata().getLabels(), want.getMetadata().getLabels(), null)
        || !contains(
            have.getMetadata().getAnnotations(),
            want.getMetadata().getAnnotations(),
            Annotations.COMMIT);
  }

  /** The JSON text re-read: an int and a long of one value compare equal. */
  private static com.fasterxml.jackson.databind.JsonNode canonical(Object value) {
    try {
      return JSON.readTree(JSON.writeValueAsString(value));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean contains(Map<String, String> have, Map<String, String> want, String skip) {
    Map<String, String> h = have == null ? Map.of() : have;
    for (Map.Entry<String, String> e : want.entrySet()) {
      if (!e.getKey().equals(skip) && !e.getValue().equals(h.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** The live object with the desired spec, labels and annotations; the rest kept. */
  private static GenericKubernetesResource merge(
      GenericKubernetesResource want, GenericKubernetesResource have) {
    GenericKubernetesResource r = new GenericKubernetesResource();
    r.setApiVersion(have.getApiVersion());
    r.setKind(have.getKind());
    ObjectMeta meta = new ObjectMetaBuilder(have.getMetadata()).build();
    Map<String, String> labels = new HashMap<>(nullToEmpty(meta.getLabels()));
    labels.putAll(want.getMetadata().getLabels());
    Map<String, String> annotations = new HashMap<>(nullToEmpty(meta.getAnnotations()));
    annotations.putAll(want.getMetadata().getAnnotations());
    meta.setLabels(new TreeMap<>(labels));
    meta.setAnnotations(new TreeMap<>(annotations));
    r.setMetadata(meta);
    r.setAdditionalProperties(new LinkedHashMap<>(have.getAdditionalProperties()));
    r.setAdditionalProperty("spec", want.getAdditionalProperties().get("spec"));
    return r;
  }

  private static Map<String, String> nullToEmpty(Map<String, String> m) {
    return m == null ? Map.of() : m;
  }
}
