package io.alertforge.compiler.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.alertforge.compiler.diagnostic.Diagnostics;
import io.alertforge.compiler.diagnostic.Rule;
import io.alertforge.compiler.diagnostic.Rules;
import io.alertforge.compiler.diagnostic.SourcePosition;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML the safe way: composes nodes (never constructs objects, so no tag can run code),
 * rejects custom tags and merge keys, bounds size, aliases, depth and node count, reports every
 * duplicate key, and keeps the position of every node. One bad document does not hide the documents
 * before it.
 */
public final class SafeYamlReader {

  private static final Set<Tag> PLAIN_DATA_TAGS =
      Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP, Tag.MAP, Tag.SEQ);
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final YamlLimits limits;

  public SafeYamlReader(YamlLimits limits) {
    this.limits = limits;
  }

  /** Parses every document of a file; problems go to {@code diagnostics}. Thread-safe. */
  public List<YamlDocument> read(String path, byte[] bytes, Diagnostics diagnostics) {
    if (bytes.length > limits.maxFileBytes()) {
      int[] over = Utf8.lineAndColumn(bytes, (int) limits.maxFileBytes());
      diagnostics.report(
          Rules.YAML_LIMIT,
          new SourcePosition(path, over[0], over[1]),
          "file is "
              + bytes.length
              + " bytes, over the limit of "
              + limits.maxFileBytes()
              + " bytes; split it into smaller files");
      return List.of();
    }
    int invalidAt = Utf8.firstInvalidByte(bytes);
    if (invalidAt >= 0) {
      int[] lineColumn = Utf8.lineAndColumn(bytes, invalidAt);
      diagnostics.report(
          Rules.YAML_ENCODING,
          new SourcePosition(path, lineColumn[0], lineColumn[1]),
          "invalid UTF-8 byte 0x"
              + Integer.toHexString(bytes[invalidAt] & 0xff)
              + "; save the file as UTF-8");
      return List.of();
    }
    int skip = Utf8.hasByteOrderMark(bytes) ? 3 : 0;
    SourceText source =
        new SourceText(path, new String(bytes, skip, bytes.length - skip, StandardCharsets.UTF_8));
    List<YamlDocument> documents = new ArrayList<>();
    try {
      for (Node root : new Yaml(loaderOptions()).composeAll(new StringReader(source.text()))) {
        if (root == null
            || (root instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL))) {
          continue;
        }
        Converter converter = new Converter(source, diagnostics);
        try {
          JsonNode content = converter.convert(root, "", root.getStartMark(), 0);
          documents.add(
              new YamlDocument(
                  source, content, converter.locations, root.getStartMark().getLine()));
        } catch (Abort abort) {
          diagnostics.report(abort.rule, abort.position, abort.getMessage());
        }
      }
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      diagnostics.report(limitOrSyntax(e), position(path, mark), syntaxMessage(e));
    } catch (YAMLException e) {
      diagnostics.report(
          limitOrSyntax(e), limitPosition(source, e.getMessage()), limitMessage(e.getMessage()));
    } catch (StackOverflowError e) {
      diagnostics.report(
          Rules.YAML_LIMIT,
          SourcePosition.ofFile(path),
          "the YAML nests too deeply to read; flatten it");
    }
    return documents;
  }

  private LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(limits.maxAliases());
    options.setNestingDepthLimit(limits.maxDepth());
    options.setAllowRecursiveKeys(false);
    options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()));
    options.setProcessComments(false);
    // Composing a tagged node is harmless (nothing is constructed); the converter then reports
    // each tag at its place and the rest of the file is still read.
    options.setTagInspector(tag -> true);
    return options;
  }

  /**
   * Where snakeyaml's composer stopped for a limit it reports without a position: the collection
   * one level too deep, or the alias to a collection one over the count. Found by reading the
   * file's events again, which only a refused file pays for.
   */
  private SourcePosition limitPosition(SourceText source, String message) {
    boolean depth = String.valueOf(message).contains("Nesting Depth");
    boolean aliases = String.valueOf(message).contains("aliases");
    if (depth || aliases) {
      LoaderOptions unbounded = new LoaderOptions();
      unbounded.setNestingDepthLimit(Integer.MAX_VALUE);
      unbounded.setMaxAliasesForCollections(Integer.MAX_VALUE);
      Set<String> collectionAnchors = new HashSet<>();
      int level = 0;
      int collectionAliases = 0;
      try {
        for (Event event : new Yaml(unbounded).parse(new StringReader(source.text()))) {
          if (event instanceof CollectionStartEvent start) {
            if (start.getAnchor() != null) {
              collectionAnchors.add(start.getAnchor());
            }
            if (depth && ++level > limits.maxDepth()) {
              return position(source.path(), event.getStartMark());
            }
          } else if (event instanceof CollectionEndEvent) {
            level--;
          } else if (aliases
              && event instanceof AliasEvent alias
              && collectionAnchors.contains(alias.getAnchor())
              && ++collectionAliases > limits.maxAliases()) {
            return position(source.path(), event.getStartMark());
          } else if (event instanceof DocumentStartEvent) {
            collectionAnchors.clear(); // anchors are per document, snakeyaml's count is per file
          }
        }
      } catch (YAMLException e) {
        // The events end before the place: the file's position is all there is to give.
      }
    }
    return SourcePosition.ofFile(source.path());
  }

  private static Rule limitOrSyntax(YAMLException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("aliases")
            || message.contains("Nesting Depth")
            || message.contains("exceeds the limit")
        ? Rules.YAML_LIMIT
        : Rules.YAML_SYNTAX;
  }

  private String limitMessage(String message) {
    String text = String.valueOf(message);
    if (text.contains("aliases")) {
      return "more than "
          + limits.maxAliases()
          + " aliases to collections (a YAML bomb?); expand the anchors or split the file";
    }
    if (text.contains("Nesting Depth")) {
      return "nesting deeper than " + limits.maxDepth() + " levels; flatten the document";
    }
    if (text.contains("exceeds the limit")) {
      return "the file is larger than "
          + limits.maxFileBytes()
          + " characters; split it into smaller files";
    }
    return text.strip();
  }

  private String syntaxMessage(MarkedYAMLException e) {
    if (limitOrSyntax(e) == Rules.YAML_LIMIT) {
      return limitMessage(e.getMessage());
    }
    StringBuilder message = new StringBuilder();
    if (e.getContext() != null) {
      message.append(e.getContext()).append(": ");
    }
    message.append(e.getProblem() == null ? "invalid YAML" : e.getProblem());
    if (String.valueOf(e.getProblem()).contains("mapping values are not allowed")
        || String.valueOf(e.getContext()).contains("flow mapping")) {
      message.append(" (a value that starts with '{{' or holds ': ' must be quoted)");
    }
    return message.toString();
  }

  private static SourcePosition position(String path, Mark mark) {
    return mark == null
        ? SourcePosition.ofFile(path)
        : new SourcePosition(path, mark.getLine() + 1, mark.getColumn() + 1);
  }

  /** Stops converting one document; the rest of the file is still read. */
  private static final class Abort extends RuntimeException {
    private final transient Rule rule;
    private final transient SourcePosition position;

    Abort(Rule rule, SourcePosition position, String message) {
      super(message, null, false, false);
      this.rule = rule;
      this.position = position;
    }
  }

  private final class Converter {
    private final SourceText source;
    private final Diagnostics diagnostics;
    private final Map<String, NodeLocation> locations = new HashMap<>();
    private final SafeConstructor scalars = new SafeConstructor(new LoaderOptions());
    private int nodes;

    /** The last mapping key entered: inside an alias's expansion it is where the alias is used. */
    private Mark lastKey;

    Converter(SourceText source, Diagnostics diagnostics) {
      this.source = source;
      this.diagnostics = diagnostics;
    }

    JsonNode convert(Node node, String pointer, Mark keyMark, int depth) {
      if (++nodes > limits.maxNodes()) {
        throw new Abort(
            Rules.YAML_LIMIT,
            position(source.path(), lastKey != null ? lastKey : node.getStartMark()),
            "more than "
                + limits.maxNodes()
                + " nodes after expanding aliases (a YAML bomb?); simplify the document");
      }
      if (depth > limits.maxDepth()) {
        throw new Abort(
            Rules.YAML_LIMIT,
            position(source.path(), node.getStartMark()),
            "nesting deeper than "
                + limits.maxDepth()
                + " levels (a recursive alias?); flatten the document");
      }
      if (!PLAIN_DATA_TAGS.contains(node.getTag())) {
        throw new Abort(
            Rules.YAML_TAG,
            position(source.path(), node.getStartMark()),
            "tag "
                + node.getTag()
                + " is not allowed: alert files hold plain data only; remove the tag");
      }
      locations.putIfAbsent(pointer, location(node, keyMark));
      if (node instanceof MappingNode mapping) {
        return mapping(mapping, pointer, depth);
      }
      if (node instanceof SequenceNode sequence) {
        ArrayNode array = JSON.arrayNode();
        List<Node> items = sequence.getValue();
        for (int i = 0; i < items.size(); i++) {
          Node item = items.get(i);
          array.add(convert(item, pointer + "/" + i, item.getStartMark(), depth + 1));
        }
        return array;
      }
      return scalar((ScalarNode) node);
    }

    private ObjectNode mapping(MappingNode mapping, String pointer, int depth) {
      ObjectNode object = JSON.objectNode();
      Map<String, Mark> seen = new HashMap<>();
      for (NodeTuple tuple : mapping.getValue()) {
        Node keyNode = tuple.getKeyNode();
        if (keyNode.getTag().equals(Tag.MERGE)) {
          throw new Abort(
              Rules.YAML_TAG,
              position(source.path(), keyNode.getStartMark()),
              "merge keys (<<) are not supported; write the fields out");
        }
        if (!(keyNode instanceof ScalarNode keyScalar)) {
          throw new Abort(
              Rules.YAML_SYNTAX,
              position(source.path(), keyNode.getStartMark()),
              "a mapping key must be a plain value, not a collection (a value that starts with '{{' must be quoted)");
        }
        String key = keyScalar.getValue();
        Mark first = seen.putIfAbsent(key, keyNode.getStartMark());
        if (first != null) {
          diagnostics.report(
              Rules.YAML_DUPLICATE_KEY,
              position(source.path(), keyNode.getStartMark()),
              "duplicate key '"
                  + key
                  + "' (first at line "
                  + (first.getLine() + 1)
                  + "); keep one, since tools disagree on which one wins");
          continue;
        }
        lastKey = keyNode.getStartMark();
        String child = pointer + "/" + key.replace("~", "~0").replace("/", "~1");
        object.set(key, convert(tuple.getValueNode(), child, keyNode.getStartMark(), depth + 1));
      }
      return object;
    }

    private JsonNode scalar(ScalarNode scalar) {
      Tag tag = scalar.getTag();
      try {
        if (tag.equals(Tag.NULL)) {
          return JSON.nullNode();
        }
        if (tag.equals(Tag.BOOL)) {
          return JSON.booleanNode((Boolean) scalars.new ConstructYamlBool().construct(scalar));
        }
        if (tag.equals(Tag.INT)) {
          Object value = scalars.new ConstructYamlInt().construct(scalar);
          return value instanceof BigInteger big
              ? JSON.numberNode(big)
              : JSON.numberNode(((Number) value).longValue());
        }
        if (tag.equals(Tag.FLOAT)) {
          return JSON.numberNode((Double) scalars.new ConstructYamlFloat().construct(scalar));
        }
      } catch (RuntimeException e) {
        // A value the resolver took for a number but that does not parse stays text.
        return JSON.textNode(scalar.getValue());
      }
      return JSON.textNode(scalar.getValue());
    }

    private NodeLocation location(Node node, Mark keyMark) {
      Mark start = node.getStartMark();
      Mark end = node.getEndMark();
      char style = NodeLocation.NOT_A_SCALAR;
      if (node instanceof ScalarNode scalar) {
        Character styleChar = scalar.getScalarStyle().getChar();
        style = styleChar == null ? 'p' : styleChar;
      }
      return new NodeLocation(
          start.getLine(),
          start.getColumn(),
          keyMark.getLine(),
          keyMark.getColumn(),
          style,
          end.getLine(),
          end.getColumn());
    }
  }
}
