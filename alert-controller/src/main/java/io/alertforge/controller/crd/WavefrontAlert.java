package io.alertforge.controller.crd;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.alertforge.model.WavefrontAlertSpec;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * keikoproj/alert-manager's {@code WavefrontAlert}, as defined by the CRD in the {@code schemas}
 * module ({@code alertmanager.keikoproj.io/v1alpha1}).
 */
@Group(WavefrontAlert.GROUP)
@Version(WavefrontAlert.VERSION)
@Plural("wavefrontalerts")
@Singular("wavefrontalert")
@ShortNames("wfalerts")
public class WavefrontAlert extends CustomResource<WavefrontAlertSpec, WavefrontAlertStatus>
    implements Namespaced {

  public static final String GROUP = "alertmanager.keikoproj.io";
  public static final String VERSION = "v1alpha1";

  /** A template is rendered by AlertForge into concrete alerts; it is never synced itself. */
  @JsonIgnore
  public boolean isTemplate() {
    return getSpec() != null
        && getSpec().getExportedParams() != null
        && !getSpec().getExportedParams().isEmpty();
  }
}
