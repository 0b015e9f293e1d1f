package io.alertforge.controller.crd;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.alertforge.model.KeikoprojApi;
import io.alertforge.model.WavefrontAlertSpec;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * keikoproj/alert-manager's {@code WavefrontAlert}, as defined by the CRD in the {@code schemas}
 * module ({@code alertmanager.keikoproj.io/v1alpha1}), with alert-model's spec.
 */
@Group(KeikoprojApi.GROUP)
@Version(KeikoprojApi.VERSION)
@Kind(KeikoprojApi.WAVEFRONT_ALERT_KIND)
@Plural(KeikoprojApi.WAVEFRONT_ALERT_PLURAL)
@Singular(KeikoprojApi.WAVEFRONT_ALERT_SINGULAR)
@ShortNames(KeikoprojApi.WAVEFRONT_ALERT_SHORT_NAME)
public class WavefrontAlert extends CustomResource<WavefrontAlertSpec, WavefrontAlertStatus>
    implements Namespaced {

  /** A template is rendered by AlertForge into concrete alerts; it is never synced itself. */
  @JsonIgnore
  public boolean isTemplate() {
    return getSpec() != null
        && getSpec().getExportedParams() != null
        && !getSpec().getExportedParams().isEmpty();
  }
}
