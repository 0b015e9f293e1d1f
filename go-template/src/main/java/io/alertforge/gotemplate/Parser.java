package io.alertforge.gotemplate;

import io.alertforge.gotemplate.Expr.Command;
import io.alertforge.gotemplate.Expr.Field;
import io.alertforge.gotemplate.Expr.FieldChain;
import io.alertforge.gotemplate.Expr.Pipeline;
import io.alertforge.gotemplate.Expr.Variable;
import io.alertforge.gotemplate.Token.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the trees of a template text following Go's text/template/parse, with its error messages:
 * the main template and every template that {@code define} and {@code block} name.
 */
final class Parser {

  /** The name alert-manager gives its template, which Go's messages and the main template use. */
  static final String MAIN_NAME = "alert.tmpl";

  private final String text;
  private final Lexer lexer;
  private final List<Token> tokens = new ArrayList<>();
  private final Map<String, List<Node>> templates = new LinkedHashMap<>();
  private int next;

  /** The variables in scope, innermost last; "$" is always there. */
  private List<String> vars = new ArrayList<>(List.of("$"));

  private int rangeDepth;
  private int depth;
  private int actionLine;

  private Parser(String text) {
    this.text = text;
    this.lexer = new Lexer(text);
  }

  /** The templates of the text by name, the main one ({@link #MAIN_NAME}) among them. */
  static Map<String, List<Node>> parse(String text) throws TemplateSyntaxException {
    Parser parser = new Parser(text);
    parser.parseMain();
    return parser.templates;
  }

  /** What ends a list of nodes, {@code {{end}}} or {@code {{else}}}, at its "{{". */
  private record ListEnd(Kind kind, int offset) {
    @Override
    public String toString() {
      return kind == Kind.END ? "{{end}}" : "{{else}}";
    }
  }

  private record NodeList(List<Node> nodes, ListEnd end) {}

  private void parseMain() throws TemplateSyntaxException {
    List<Node> root = new ArrayList<>();
    StringBuilder pendingText = new StringBuilder();
    int textOffset = 0;
    while (peek().kind() != Kind.EOF) {
      if (peek().kind() == Kind.LEFT_DELIM) {
        int mark = next;
        next();
        if (nextNonSpace().kind() == Kind.DEFINE) {
          parseDefinition();
          continue;
        }
        next = mark;
      }
      Object parsed = textOrAction();
      if (parsed instanceof ListEnd end) {
        throw error(end.offset(), "unexpected " + end);
      }
      if (parsed instanceof Node.Text t) {
        // Text split only by comments or definitions is one node, appended at once.
        if (pendingText.length() == 0) {
          textOffset = t.offset();
        }
        pendingText.append(t.text());
        continue;
      }
      flushText(root, pendingText, textOffset);
      root.add((Node) parsed);
    }
    flushText(root, pendingText, textOffset);
    add(MAIN_NAME, List.copyOf(root), peek().offset());
  }

  private static void flushText(List<Node> nodes, StringBuilder pending, int offset) {
    if (pending.length() > 0) {
      nodes.add(new Node.Text(offset, pending.toString()));
      pending.setLength(0);
    }
  }

  /** Go's Tree.add: a definition may replace an empty one, and is kept over an empty one. */
  private void add(String name, List<Node> root, int offset) throws TemplateSyntaxException {
    List<Node> existing = templates.get(name);
    if (existing == null || isEmpty(existing)) {
      templates.put(name, root);
      return;
    }
    if (!isEmpty(root)) {
      throw error(
          offset, "template: multiple definition of template " + GoStrings.quote(name, false));
    }
  }

  /** Go's IsEmptyTree: only white space (Go's Unicode white space) and comments. */
  private static boolean isEmpty(List<Node> nodes) {
    for (Node node : nodes) {
      if (!(node instanceof Node.Text t) || !t.text().chars().allMatch(Parser::isGoSpace)) {
        return false;
      }
    }
    return true;
  }

  /** Go's unicode.IsSpace. */
  private static boolean isGoSpace(int c) {
    return (c >= '\t' && c <= '\r')
        || c == ' '
        || c == 0x85
        || c == 0xA0
        || c == 0x2028
        || c == 0x2029
        || Character.getType(c) == Character.SPACE_SEPARATOR;
  }

  private void parseDefinition() throws TemplateSyntaxException {
    String context = "define clause";
    Token nameToken = nextNonSpace();
    if (nameToken.kind() != Kind.STRING && nameToken.kind() != Kind.RAW_STRING) {
      throw unexpected(nameToken, context);
    }
    String name = unquote(nameToken);
    expect(Kind.RIGHT_DELIM, context);
    List<String> outerVars = vars;
    int outerRangeDepth = rangeDepth;
    vars = new ArrayList<>(List.of("$"));
    rangeDepth = 0;
    NodeList body = itemList(nameToken.offset());
    if (body.end().kind() != Kind.END) {
      throw error(body.end().offset(), "unexpected " + body.end() + " in " + context);
    }
    add(name, body.nodes(), body.end().offset());
    vars = outerVars;
    rangeDepth = outerRangeDepth;
  }

  /**
   * {@code opener} is where the block the list belongs to starts, which an unexpected EOF names.
   */
  private NodeList itemList(int opener) throws TemplateSyntaxException {
    List<Node> nodes = new ArrayList<>();
    StringBuilder pendingText = new StringBuilder();
    int textOffset = 0;
    while (peekNonSpace().kind() != Kind.EOF) {
      Object parsed = textOrAction();
      if (parsed instanceof ListEnd end) {
        flushText(nodes, pendingText, textOffset);
        return new NodeList(List.copyOf(nodes), end);
      }
      if (parsed instanceof Node.Text t) {
        if (pendingText.length() == 0) {
          textOffset = t.offset();
        }
        pendingText.append(t.text());
        continue;
      }
      flushText(nodes, pendingText, textOffset);
      nodes.add((Node) parsed);
    }
    throw error(opener, "unexpected EOF");
  }

  /** A {@link Node}, or a {@link ListEnd} for {@code {{end}}} and {@code {{else}}}. */
  private Object textOrAction() throws TemplateSyntaxException {
    Token token = nextNonSpace();
    switch (token.kind()) {
      case TEXT:
        return new Node.Text(token.offset(), token.text());
      case LEFT_DELIM:
        actionLine = token.line();
        try {
          return action(token);
        } finally {
          actionLine = 0;
        }
      default:
        throw unexpected(token, "input");
    }
  }

  private Object action(Token delim) throws TemplateSyntaxException {
    Token token = nextNonSpace();
    switch (token.kind()) {
      case BLOCK:
        return blockControl(delim);
      case BREAK:
      case CONTINUE:
        return loopControl(token);
      case ELSE:
        return elseControl(delim);
      case END:
        expect(Kind.RIGHT_DELIM, "end");
        return new ListEnd(Kind.END, delim.offset());
      case IF:
        return control(delim, token, false, "if");
      case RANGE:
        return control(delim, token, false, "range");
      case TEMPLATE:
        return templateControl();
      case WITH:
        return control(delim, token, true, "with");
      default:
        backup();
        Token first = peek();
        return new Node.Action(
            first.offset(), pipeline("command", Kind.RIGHT_DELIM, delim.offset()));
    }
  }

  private Node loopControl(Token keyword) throws TemplateSyntaxException {
    String name = "{{" + keyword.text() + "}}";
    Token token = nextNonSpace();
    if (token.kind() != Kind.RIGHT_DELIM) {
      throw unexpected(token, name);
    }
    if (rangeDepth == 0) {
      throw error(keyword.offset(), name + " outside {{range}}");
    }
    return keyword.kind() == Kind.BREAK
        ? new Node.Break(keyword.offset())
        : new Node.Continue(keyword.offset());
  }

  /**
   * {@code {{else}}}, or the {@code else} of {@code {{else if}}} and {@code {{else with}}}, which
   * leaves the {@code if} or {@code with} for the enclosing control to read.
   */
  private ListEnd elseControl(Token delim) throws TemplateSyntaxException {
    Token peek = peekNonSpace();
    if (peek.kind() != Kind.IF && peek.kind() != Kind.WITH) {
      expect(Kind.RIGHT_DELIM, "else");
    }
    return new ListEnd(Kind.ELSE, delim.offset());
  }

  /**
   * {@code if}, {@code with} and {@code range}: Go's parseControl, with {@code else if} and {@code
   * else with} chains kept flat.
   */
  private Node control(Token delim, Token keyword, boolean with, String context)
      throws TemplateSyntaxException {
    enterNesting(delim.offset());
    int varsMark = vars.size();
    boolean range = context.equals("range");
    Pipeline pipe = pipeline(context, Kind.RIGHT_DELIM, keyword.offset());
    Node result;
    if (range) {
      rangeDepth++;
      NodeList body = itemList(delim.offset());
      rangeDepth--;
      List<Node> otherwise = List.of();
      if (body.end().kind() == Kind.ELSE) {
        otherwise = elseList(delim.offset());
      }
      result = new Node.Range(pipe.offset(), pipe, body.nodes(), otherwise);
    } else {
      Kind chained = with ? Kind.WITH : Kind.IF;
      List<Node.Branch> branches = new ArrayList<>();
      List<Node> otherwise = List.of();
      while (true) {
        NodeList body = itemList(delim.offset());
        branches.add(new Node.Branch(pipe, body.nodes()));
        if (body.end().kind() == Kind.END) {
          break;
        }
        if (peek().kind() == chained) {
          Token chainedKeyword = next();
          pipe = pipeline(context, Kind.RIGHT_DELIM, chainedKeyword.offset());
          continue;
        }
        otherwise = elseList(delim.offset());
        break;
      }
      result =
          new Node.Conditional(branches.get(0).condition().offset(), with, branches, otherwise);
    }
    vars = new ArrayList<>(vars.subList(0, varsMark));
    depth--;
    return result;
  }

  private List<Node> elseList(int opener) throws TemplateSyntaxException {
    NodeList list = itemList(opener);
    if (list.end().kind() != Kind.END) {
      throw error(list.end().offset(), "expected end; found " + list.end());
    }
    return list.nodes();
  }

  private Node blockControl(Token delim) throws TemplateSyntaxException {
    String context = "block clause";
    Token nameToken = nextNonSpace();
    String name = templateName(nameToken, context);
    Pipeline pipe = pipeline(context, Kind.RIGHT_DELIM, nameToken.offset());
    enterNesting(delim.offset());
    List<String> outerVars = vars;
    int outerRangeDepth = rangeDepth;
    vars = new ArrayList<>(List.of("$"));
    rangeDepth = 0;
    NodeList body = itemList(delim.offset());
    if (body.end().kind() != Kind.END) {
      throw error(body.end().offset(), "unexpected " + body.end() + " in " + context);
    }
    add(name, body.nodes(), body.end().offset());
    vars = outerVars;
    rangeDepth = outerRangeDepth;
    depth--;
    return new Node.Call(nameToken.offset(), name, pipe);
  }

  private Node templateControl() throws TemplateSyntaxException {
    String context = "template clause";
    Token nameToken = nextNonSpace();
    String name = templateName(nameToken, context);
    Pipeline pipe = null;
    if (nextNonSpace().kind() != Kind.RIGHT_DELIM) {
      backup();
      pipe = pipeline(context, Kind.RIGHT_DELIM, nameToken.offset());
    }
    return new Node.Call(nameToken.offset(), name, pipe);
  }

  private String templateName(Token token, String context) throws TemplateSyntaxException {
    if (token.kind() != Kind.STRING && token.kind() != Kind.RAW_STRING) {
      throw unexpected(token, context);
    }
    return unquote(token);
  }

  /** {@code owner} is where the action or parenthesis starts, which a missing value names. */
  private Pipeline pipeline(String context, Kind end, int owner) throws TemplateSyntaxException {
    Token first = peekNonSpace();
    List<Variable> decls = new ArrayList<>();
    boolean assign = false;
    while (peekNonSpace().kind() == Kind.VARIABLE) {
      int variableIndex = next;
      Token variable = next();
      Token following = peekNonSpace();
      if (following.kind() == Kind.ASSIGN || following.kind() == Kind.DECLARE) {
        assign = following.kind() == Kind.ASSIGN;
        nextNonSpace();
        decls.add(new Variable(variable.offset(), variable.text()));
        vars.add(variable.text());
      } else if (following.kind() == Kind.CHAR && following.text().equals(",")) {
        nextNonSpace();
        decls.add(new Variable(variable.offset(), variable.text()));
        vars.add(variable.text());
        if (context.equals("range") && decls.size() < 2) {
          Kind after = peekNonSpace().kind();
          if (after == Kind.VARIABLE || after == Kind.RIGHT_DELIM || after == Kind.RIGHT_PAREN) {
            continue;
          }
          throw error(peekNonSpace().offset(), "range can only initialize variables");
        }
        throw error(variable.offset(), "too many declarations in " + context);
      } else {
        // Not a declaration: the variable starts the first command.
        next = variableIndex;
      }
      break;
    }
    List<Command> commands = new ArrayList<>();
    while (true) {
      Token token = nextNonSpace();
      if (token.kind() == end) {
        checkPipeline(commands, context, owner);
        return new Pipeline(first.offset(), List.copyOf(decls), assign, List.copyOf(commands));
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

  private void checkPipeline(List<Command> commands, String context, int owner)
      throws TemplateSyntaxException {
    if (commands.isEmpty()) {
      throw error(owner, "missing value for " + context);
    }
    for (int i = 1; i < commands.size(); i++) {
      Expr head = commands.get(i).head();
      if (head instanceof Expr.Literal || head instanceof Expr.Dot || head instanceof Expr.Nil) {
        throw error(head.offset(), "non executable command in pipeline stage " + (i + 1));
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
    int chainOffset = peek().offset();
    List<Field> fields = new ArrayList<>();
    if (term instanceof FieldChain chain) {
      fields.addAll(chain.fields());
    }
    while (peek().kind() == Kind.FIELD) {
      Token field = next();
      fields.add(new Field(field.offset(), field.text().substring(1)));
    }
    if (term instanceof Expr.Literal || term instanceof Expr.Dot || term instanceof Expr.Nil) {
      throw error(
          chainOffset, "unexpected . after term " + GoStrings.quote(term.toString(), false));
    }
    Expr receiver = term instanceof FieldChain chain ? chain.receiver() : term;
    return new FieldChain(chainOffset, receiver, List.copyOf(fields));
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
                offset, "function " + GoStrings.quote(token.text(), false) + " not defined");
          }
          return new Expr.Func(offset, builtin);
        }
      case DOT:
        return new Expr.Dot(offset);
      case NIL:
        return new Expr.Nil(offset);
      case VARIABLE:
        if (!vars.contains(token.text())) {
          throw error(offset, "undefined variable " + GoStrings.quote(token.text(), false));
        }
        return new Variable(offset, token.text());
      case FIELD:
        return new FieldChain(
            offset, new Expr.Dot(offset), List.of(new Field(offset, token.text().substring(1))));
      case BOOL:
        return new Expr.Literal(offset, Boolean.valueOf(token.text()), token.text());
      case CHAR_CONSTANT:
        try {
          return new Expr.Literal(offset, GoNumbers.charConstant(token.text()), token.text());
        } catch (GoNumbers.InvalidNumber e) {
          throw error(offset, e.getMessage());
        }
      case COMPLEX, NUMBER:
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
          return pipeline;
        }
      case STRING, RAW_STRING:
        return new Expr.Literal(offset, unquote(token), token.text());
      default:
        backup();
        return null;
    }
  }

  private String unquote(Token token) throws TemplateSyntaxException {
    try {
      return GoStrings.unquote(token.text());
    } catch (GoStrings.InvalidLiteral e) {
      throw error(token.offset() + e.index, e.getMessage());
    }
  }

  private void enterNesting(int offset) throws TemplateSyntaxException {
    if (++depth > GoTemplate.MAX_DEPTH) {
      throw error(
          offset,
          "nesting too deep: more than "
              + GoTemplate.MAX_DEPTH
              + " levels of blocks and parentheses one inside another");
    }
  }

  private Token expect(Kind kind, String context) throws TemplateSyntaxException {
    Token token = nextNonSpace();
    if (token.kind() != kind) {
      throw unexpected(token, context);
    }
    return token;
  }

  private Token next() throws TemplateSyntaxException {
    Token token = peek();
    next++;
    return token;
  }

  private Token peek() {
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

  /**
   * Go's Tree.unexpected; a lexical error is reported as itself, naming the line of its action when
   * that differs.
   */
  private TemplateSyntaxException unexpected(Token token, String context) {
    if (token.kind() == Kind.ERROR) {
      String detail = token.text();
      if (actionLine != 0 && actionLine != token.line()) {
        String extra = " in action started at " + MAIN_NAME + ":" + actionLine;
        detail += detail.endsWith(" action") ? extra.substring(" in action".length()) : extra;
      }
      return new TemplateSyntaxException(text, token.offset(), detail, token.line());
    }
    return error(token.offset(), "unexpected " + token.describe() + " in " + context);
  }

  /** Go names the line of the last token its parser read. */
  private TemplateSyntaxException error(int offset, String detail) {
    int goLine = tokens.isEmpty() ? 1 : tokens.get(tokens.size() - 1).line();
    return new TemplateSyntaxException(text, offset, detail, goLine);
  }
}
