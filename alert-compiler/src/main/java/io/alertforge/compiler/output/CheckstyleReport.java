package io.alertforge.compiler.output;

import io.alertforge.compiler.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code checkstyle.xml}: the Checkstyle result format, one {@code <file>} per file. */
public final class CheckstyleReport {

  public static final String FILE_NAME = "checkstyle.xml";

  private CheckstyleReport() {}

  public static void write(Path file, List<Diagnostic> diagnostics) throws IOException {
    Map<String, List<Diagnostic>> byFile = new LinkedHashMap<>();
    diagnostics.forEach(
        d -> byFile.computeIfAbsent(d.position().file(), f -> new java.util.ArrayList<>()).add(d));
    XmlReport.write(
        file,
        xml -> {
          xml.writeStartElement("checkstyle");
          xml.writeAttribute("version", "4.3");
          for (Map.Entry<String, List<Diagnostic>> entry : byFile.entrySet()) {
            xml.writeStartElement("file");
            xml.writeAttribute("name", entry.getKey());
            for (Diagnostic d : entry.getValue()) {
              xml.writeEmptyElement("error");
              xml.writeAttribute("line", String.valueOf(d.position().line()));
              xml.writeAttribute("column", String.valueOf(d.position().column()));
              xml.writeAttribute("severity", d.severity().label());
              xml.writeAttribute("message", XmlReport.clean(d.message()));
              xml.writeAttribute("source", "alertforge." + d.rule());
            }
            xml.writeEndElement();
          }
          xml.writeEndElement();
        });
  }
}
