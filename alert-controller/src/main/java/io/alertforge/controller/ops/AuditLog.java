package io.alertforge.controller.ops;

import io.alertforge.controller.crd.WavefrontAlert;
import io.alertforge.model.Annotations;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line on the logger {@code alertforge.audit} for every change made in Wavefront: what was
 * done, to which alert, for which CR, from which source file and rendered spec (the AlertForge
 * annotations), and the checksums of the managed fields before and after. With the JSON log format
 * each key is a field of the line.
 */
public final class AuditLog {
  private static final Logger LOG = LoggerFactory.getLogger("alertforge.audit");

  /**
   * The delete of an orphan: an alert with this cluster's tags whose CR is gone, so the line names
   * the owner tag instead of a CR.
   */
  public void recordOrphan(String ownerTag, String alertId, String alertName, String before) {
    LOG.atInfo()
        .addKeyValue("audit", true)
        .addKeyValue("action", "delete-orphan")
        .addKeyValue("ownerTag", ownerTag)
        .addKeyValue("wavefrontId", alertId)
        .addKeyValue("alertName", alertName)
        .addKeyValue("before", before)
        .log("wavefront delete-orphan alert {} ({})", alertId, ownerTag);
  }

  /**
   * @param action create, update, correct-drift, recreate, delete, delete-duplicate
   * @param before checksum of the live alert's managed fields (null when there was none)
   * @param after checksum of what was written (null for a delete)
   */
  public void record(
      String action,
      WavefrontAlert cr,
      String alertId,
      String alertName,
      String before,
      String after) {
    Map<String, String> annotations = cr.getMetadata().getAnnotations();
    annotations = annotations == null ? Map.of() : annotations;
    LOG.atInfo()
        .addKeyValue("audit", true)
        .addKeyValue("action", action)
        .addKeyValue("namespace", cr.getMetadata().getNamespace())
        .addKeyValue("name", cr.getMetadata().getName())
        .addKeyValue("uid", cr.getMetadata().getUid())
        .addKeyValue("generation", cr.getMetadata().getGeneration())
        .addKeyValue("wavefrontId", alertId)
        .addKeyValue("alertName", alertName)
        .addKeyValue("source", annotations.get(Annotations.SOURCE))
        .addKeyValue("specHash", annotations.get(Annotations.SPEC_HASH))
        .addKeyValue("commit", annotations.get(Annotations.COMMIT))
        .addKeyValue("before", before)
        .addKeyValue("after", after)
        .log(
            "wavefront {} alert {} for {}/{}",
            action,
            alertId,
            cr.getMetadata().getNamespace(),
            cr.getMetadata().getName());
  }
}
