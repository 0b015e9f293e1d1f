package io.alertforge.compiler.output;

import io.alertforge.compiler.diagnostic.Diagnostic;
import io.alertforge.compiler.diagnostic.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code junit.xml}: one test case per finding, named by rule and position, in a test class per
 * file. Findings at or above the fail-on severity are failures; the others pass with the finding as
 * output. Without findings, one passing test case says so.
 */
public final class JunitReport {

  public static final String FILE_NAME = "junit.xml";

  private JunitReport() {}

  public static void write(Path file, List<Diagnostic> diagnostics, Severity failOn)
      throws IOException {
    long failures = diagnostics.stream().filter(d -> d.severity().atLeast(failOn)).count();
    int tests = Math.max(1, diagnostics.size());
    XmlReport.write(
        file,
        xml -> {
          xml.writeStartElement("testsuites");
          xml.writeAttribute("name", "alertforge");
          xml.writeAttribute("tests", String.valueOf(tests));
          xml.writeAttribute("failures", String.valueOf(failures));
          xml.writeStartElement("testsuite");
          xml.writeAttribute("name", "alertforge lint");
          xml.writeAttribute("tests", String.valueOf(tests));
          xml.writeAttribute("failures", String.valueOf(failures));
          xml.writeAttribute("errors", "0");
          xml.writeAttribute("skipped", "0");
          if (diagnostics.isEmpty()) {
            xml.writeEmptyElement("testcase");
            xml.writeAttribute("classname", "alertforge");
            xml.writeAttribute("name", "no findings");
          }
          for (Diagnostic d : diagnostics) {
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", d.position().file());
            xml.writeAttribute(
                "name", d.rule() + " at " + d.position().line() + ":" + d.position().column());
            String text = XmlReport.clean(d.format());
            if (d.severity().atLeast(failOn)) {
              xml.writeStartElement("failure");
              xml.writeAttribute("type", d.rule());
              xml.writeAttribute("message", XmlReport.clean(d.message()));
              xml.writeCharacters(text);
              xml.writeEndElement();
            } else {
              xml.writeStartElement("system-out");
              xml.writeCharacters(text);
              xml.writeEndElement();
            }
            xml.writeEndElement();
          }
          xml.writeEndElement();
          xml.writeEndElement();
        });
  }
}
