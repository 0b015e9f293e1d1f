package io.alertforge.gotemplate;

import io.alertforge.gotemplate.Expr.Command;
import io.alertforge.gotemplate.Expr.Field;
import io.alertforge.gotemplate.Expr.FieldChain;
import io.alertforge.gotemplate.Expr.Pipeline;
import io.alertforge.gotemplate.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the tree of a template following Go's text/template parser, rejecting with a syntax error
 * every construct outside the supported subset.
 */
final class Parser {

  private static final String SUPPORTED_ACTIONS =
      "the supported actions are {{if}}, {{else}}, {{else if}}, {{with}}, {{else with}}, {{end}},"
          + " comments {{/* */}} and pipelines";

  private final String text;
  private final Lexer lexer;
  private final List<Token> tokens = new ArrayList<>();
  private int next;
  private int depth;

  private Parser(String text) {
    this.text = text;
    this.lexer = new Lexer(text);
  }

  static List<Node> parse(String text) throws TemplateSyntaxException {
    return new Parser(text).parseTemplate();
  }

  /** How a list of nodes ended: at EOF, or at an {@code {{end}}} or {@code {{else}}} action. */
  private record ListEnd(Kind kind, int offset, Token elseFollower) {}

  private record NodeList(List<Node> nodes, ListEnd end) {}

  private List<Node> parseTemplate() throws TemplateSyntaxException {
    NodeList list = parseList();
    if (list.end().kind() != Kind.EOF) {
      throw error(
          list.end().offset(),
          "unexpected {{"
              + keyword(list.end().kind())
              + "}}: there is no"
              + " {{if}} or {{with}} for it to close");
    }
    return list.nodes();
  }

  private NodeList parseList() throws TemplateSyntaxException {
    List<Node> nodes = new ArrayList<>();
    // Text split only by comments arrives in pieces; it is joined so that execution appends it at
    // once.
    StringBuilder text = new StringBuilder();
    int textOffset = 0;
    while (true) {
      Token token = next();
      if (token.kind() == Kind.TEXT) {
        if (text.length() == 0) {
          textOffset = token.offset();
        }
        text.append(token.text());
        continue;
      }
      if (text.length() > 0) {
        nodes.add(new Node.Text(textOffset, text.toString()));
        text.setLength(0);
      }
      if (token.kind() == Kind.EOF) {
        return new NodeList(nodes, new ListEnd(Kind.EOF, token.offset(), null));
      }
      if (token.kind() != Kind.LEFT_DELIM) {
        throw unexpected(token, "input");
      }
      Object parsed = action(token);
      if (parsed instanceof ListEnd end) {
        return new NodeList(nodes, end);
      }
      nodes.add((Node) parsed);
    }
  }

  /** Returns a {@link Node}, or a {@link ListEnd} for {@code {{end}}} and {@code {{else}}}. */
  private Object action(Token delim) throws TemplateSyntaxException {
    Token token = nextNonSpace();
    switch (token.kind()) {
      case RANGE, DEFINE, TEMPLATE, BLOCK, BREAK, CONTINUE:
        throw error(
            token.offset(), "{{" + token.text() + "}} is not supported; " + SUPPORTED_ACTIONS);
      case ELSE:
        Token follower = peekNonSpace();
        if (follower.kind() == Kind.IF || follower.kind() == Kind.WITH) {
          next();
          return new ListEnd(Kind.ELSE, delim.offset(), follower);
        }
        expect(Kind.RIGHT_DELIM, "else");
        return new ListEnd(Kind.ELSE, delim.offset(), null);
      case END:
        expect(Kind.RIGHT_DELIM, "end");
        return new ListEnd(Kind.END, delim.offset(), null);
      case IF:
        return conditional(delim, token, false);
      case WITH:
        return conditional(delim, token, true);
      default:
        backup();
        return new Node.Action(
            delim.offset(), pipeline("command", Kind.RIGHT_DELIM, delim.offset()));
    }
  }

  private Node conditional(Token delim, Token keyword, boolean with)
      throws TemplateSyntaxException {
    String context = keyword.text();
    enterNesting(delim.offset());
    List<Node.Branch> branches = new ArrayList<>();
    List<Node> otherwise = List.of();
    Pipeline condition = pipeline(context, Kind.RIGHT_DELIM, keyword.offset());
    while (true) {
      NodeList body = parseList();
      branches.add(new Node.Branch(condition, List.copyOf(body.nodes())));
      ListEnd end = requireEnd(body.end(), delim, context);
      if (end.kind() == Kind.END) {
        break;
      }
      Token follower = end.elseFollower();
      if (follower != null) {
        if (follower.kind() != keyword.kind()) {
          throw error(
              follower.offset(),
              "{{else "
                  + follower.text()
                  + "}} cannot continue {{"
                  + context
                  + "}}; write {{else}}{{"
                  + follower.text()
                  + " ...}}...{{end}} instead");
        }
        condition = pipeline(context, Kind.RIGHT_DELIM, follower.offset());
        continue;
      }
      NodeList elseBody = parseList();
      ListEnd elseEnd = requireEnd(elseBody.end(), delim, context);
      if (elseEnd.kind() != Kind.END) {
        throw error(
            elseEnd.offset(),
            "expected {{end}}; found a second {{else}} for the same {{" + context + "}}");
      }
      otherwise = List.copyOf(elseBody.nodes());
      break;
    }
    depth--;
    return new Node.Conditional(with, List.copyOf(branches), otherwise);
  }

  private ListEnd requireEnd(ListEnd end, Token delim, String context)
      throws TemplateSyntaxException {
    if (end.kind() == Kind.EOF) {
      throw error(
          delim.offset(),
          "missing {{end}}: this {{"
              + context
              + "}} is not closed before the"
              + " end of the template");
    }
    return end;
  }

  private Pipeline pipeline(String context, Kind end, int ownerOffset)
      throws TemplateSyntaxException {
    Token first = peekNonSpace();
    rejectDeclaration(first);
    List<Command> commands = new ArrayList<>();
    while (true) {
      Token token = nextNonSpace();
      if (token.kind() == end) {
        checkPipeline(commands, context, ownerOffset);
        return new Pipeline(first.offset(), List.copyOf(commands));
      }
      switch (token.kind()) {
        case BOOL,
            CHAR_CONSTANT,
            COMPLEX,
            DOT,
            FIELD,
            IDENTIFIER,
            NUMBER,
            NIL,
            RAW_STRING,
            STRING,
            VARIABLE,
            LEFT_PAREN -> {
          backup();
          commands.add(command());
        }
        default -> throw unexpected(token, context);
      }
    }
  }

  private void rejectDeclaration(Token first) throws TemplateSyntaxException {
    if (first.kind() != Kind.VARIABLE) {
      return;
    }
    int mark = next;
    nextNonSpace();
    Token after = peekNonSpace();
    next = mark;
    if (after.kind() == Kind.ASSIGN
        || after.kind() == Kind.DECLARE
        || (after.kind() == Kind.CHAR && after.text().equals(","))) {
      throw error(
          first.offset(),
          "variable declarations and assignments ("
              + first.text()
              + " "
              + after.text()
              + ") are not supported; refer to params directly, as .name or $.name");
    }
  }

  private void checkPipeline(List<Command> commands, String context, int ownerOffset)
      throws TemplateSyntaxException {
    if (commands.isEmpty()) {
      throw error(
          ownerOffset,
          "command".equals(context)
              ? "empty action: missing value for command"
              : "missing value for " + context);
    }
    for (int i = 1; i < commands.size(); i++) {
      Expr head = commands.get(i).head();
      if (head instanceof Expr.Literal || head instanceof Expr.Dot) {
        throw error(
            head.offset(),
            "non executable command in pipeline stage "
                + (i + 1)
                + ": only a function or field can receive the piped value");
      }
    }
  }

  private Command command() throws TemplateSyntaxException {
    int offset = peekNonSpace().offset();
    List<Expr> operands = new ArrayList<>();
    loop:
    while (true) {
      peekNonSpace();
      Expr operand = operand();
      if (operand != null) {
        operands.add(operand);
      }
      Token token = next();
      switch (token.kind()) {
        case SPACE:
          continue;
        case RIGHT_DELIM, RIGHT_PAREN:
          backup();
          break loop;
        case PIPE:
          break loop;
        default:
          throw unexpected(token, "operand");
      }
    }
    if (operands.isEmpty()) {
      throw error(offset, "empty command");
    }
    return new Command(offset, operands.get(0), List.copyOf(operands.subList(1, operands.size())));
  }

  private Expr operand() throws TemplateSyntaxException {
    Expr term = term();
    if (term == null || peek().kind() != Kind.FIELD) {
      return term;
    }
    List<Field> fields = new ArrayList<>();
    if (term instanceof FieldChain chain) {
      fields.addAll(chain.fields());
    }
    int chainOffset = peek().offset();
    while (peek().kind() == Kind.FIELD) {
      Token field = next();
      fields.add(new Field(field.offset(), field.text().substring(1)));
    }
    if (term instanceof Expr.Literal || term instanceof Expr.Dot) {
      throw error(
          chainOffset, "unexpected . after term " + GoStrings.quote(term.toString(), false));
    }
    Expr receiver = term instanceof FieldChain chain ? chain.receiver() : term;
    return new FieldChain(receiver, List.copyOf(fields));
  }

  private Expr term() throws TemplateSyntaxException {
    Token token = nextNonSpace();
    int offset = token.offset();
    switch (token.kind()) {
      case IDENTIFIER:
        {
          Builtin builtin = Builtin.named(token.text());
          if (builtin == null) {
            throw error(
                offset,
                "function "
                    + GoStrings.quote(token.text(), false)
                    + " is not supported; available: "
                    + Builtin.AVAILABLE);
          }
          return new Expr.Func(offset, builtin);
        }
      case DOT:
        return new Expr.Dot(offset);
      case NIL:
        throw error(offset, "nil is not supported");
      case VARIABLE:
        if (!token.text().equals("$")) {
          throw error(
              offset,
              "undefined variable "
                  + GoStrings.quote(token.text(), false)
                  + ": template variables are not supported; only $ (the root params) is, as in $.name");
        }
        return new Expr.Root(offset);
      case FIELD:
        return new FieldChain(
            new Expr.Dot(offset), List.of(new Field(offset, token.text().substring(1))));
      case BOOL:
        return new Expr.Literal(offset, Boolean.valueOf(token.text()), token.text());
      case CHAR_CONSTANT:
        throw error(offset, "character constants are not supported: " + token.text());
      case COMPLEX:
        throw error(offset, "complex numbers are not supported: " + token.text());
      case NUMBER:
        try {
          return new Expr.Literal(offset, GoNumbers.parse(token.text()), token.text());
        } catch (GoNumbers.InvalidNumber e) {
          throw error(offset, e.getMessage());
        }
      case LEFT_PAREN:
        {
          enterNesting(offset);
          Pipeline pipeline = pipeline("parenthesized pipeline", Kind.RIGHT_PAREN, offset);
          depth--;
          return new Pipeline(offset, pipeline.commands());
        }
      case STRING, RAW_STRING:
        try {
          return new Expr.Literal(offset, GoStrings.unquote(token.text()), token.text());
        } catch (GoStrings.InvalidLiteral e) {
          throw error(offset + e.index, e.getMessage());
        }
      default:
        backup();
        return null;
    }
  }

  private void enterNesting(int offset) throws TemplateSyntaxException {
    if (++depth > GoTemplate.MAX_DEPTH) {
      throw error(
          offset,
          "nesting too deep: more than "
              + GoTemplate.MAX_DEPTH
              + " levels of {{if}}/{{with}} blocks and parentheses");
    }
  }

  private void expect(Kind kind, String context) throws TemplateSyntaxException {
    Token token = nextNonSpace();
    if (token.kind() != kind) {
      throw unexpected(token, context);
    }
  }

  private Token next() throws TemplateSyntaxException {
    Token token = peek();
    next++;
    return token;
  }

  private Token peek() throws TemplateSyntaxException {
    while (tokens.size() <= next) {
      tokens.add(lexer.next());
    }
    return tokens.get(next);
  }

  private void backup() {
    next--;
  }

  private Token nextNonSpace() throws TemplateSyntaxException {
    Token token;
    do {
      token = next();
    } while (token.kind() == Kind.SPACE);
    return token;
  }

  private Token peekNonSpace() throws TemplateSyntaxException {
    Token token = nextNonSpace();
    backup();
    return token;
  }

  private TemplateSyntaxException unexpected(Token token, String context) {
    String detail = "unexpected " + token.describe() + " in " + context;
    if (token.text().equals("/") && text.startsWith("*", token.offset() + 1)) {
      detail += "; a comment must start right after \"{{\" or \"{{- \", as in {{/* ... */}}";
    }
    return error(token.offset(), detail);
  }

  private static String keyword(Kind kind) {
    return kind == Kind.END ? "end" : "else";
  }

  private TemplateSyntaxException error(int offset, String detail) {
    return new TemplateSyntaxException(text, offset, detail);
  }
}
