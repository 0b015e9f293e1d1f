package io.alertforge.compiler.schema;

import io.alertforge.model.KeikoprojApi;

/** The documents AlertForge validates, each with its JSON Schema from the schemas module. */
public enum DocumentKind {
  WAVEFRONT_ALERT(KeikoprojApi.WAVEFRONT_ALERT_KIND, "wavefrontalert.schema.json"),
  ALERTS_CONFIG(KeikoprojApi.ALERTS_CONFIG_KIND, "alertsconfig.schema.json"),
  REPOSITORY_CONFIG("alertforge.yaml", "alertforge.schema.json");

  private final String kind;
  private final String schemaFile;

  DocumentKind(String kind, String schemaFile) {
    this.kind = kind;
    this.schemaFile = schemaFile;
  }

  public String kind() {
    return kind;
  }

  String schemaFile() {
    return schemaFile;
  }
}
