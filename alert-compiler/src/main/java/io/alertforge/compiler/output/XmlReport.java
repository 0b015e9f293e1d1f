package io.alertforge.compiler.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes an XML report with the JDK's StAX writer, which escapes every text and attribute. */
final class XmlReport {

  interface Body {
    void write(XMLStreamWriter xml) throws XMLStreamException;
  }

  private XmlReport() {}

  static void write(Path file, Body body) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      body.write(xml);
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    bytes.write('\n');
    AtomicFiles.write(file, bytes.toByteArray());
  }

  /** Text with the characters XML 1.0 cannot hold at all replaced by U+FFFD. */
  static String clean(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? '\uFFFD' : c);
    }
    return out.toString();
  }
}
