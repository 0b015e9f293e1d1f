package io.alertforge.compiler.schema;

/** The documents AlertForge validates, each with its JSON Schema from the schemas module. */
public enum DocumentKind {
  WAVEFRONT_ALERT("WavefrontAlert", "wavefrontalert.schema.json"),
  ALERTS_CONFIG("AlertsConfig", "alertsconfig.schema.json"),
  REPOSITORY_CONFIG("alertforge.yaml", "alertforge.schema.json");

  public static final String API_VERSION = "alertmanager.keikoproj.io/v1alpha1";
  public static final String GROUP = "alertmanager.keikoproj.io";

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
