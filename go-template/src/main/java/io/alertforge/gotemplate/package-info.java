/**
 * Go's text/template, the whole language as html/template runs it for keikoproj/alert-manager: a
 * port of Go's lexer, parser, executor, builtins and fmt that needs nothing but the JDK, checked
 * against Go itself by a differential corpus. The data of a template is one {@code Map<String,
 * String>} of params.
 *
 * <h2>API</h2>
 *
 * <p>These five types are the whole public surface; every other class of the package is
 * package-private.
 *
 * <ul>
 *   <li>{@link io.alertforge.gotemplate.GoTemplate}: {@code parse(text)} parses one template text
 *       once (or throws a {@link io.alertforge.gotemplate.TemplateSyntaxException}); {@code
 *       execute(params)} runs it with a params map as its data, any number of times and from any
 *       thread (or throws a {@link io.alertforge.gotemplate.TemplateExecutionException}); {@code
 *       executeRefusingFormatMarks(params)} the same, but a {@code printf} whose format does not
 *       fit its arguments throws where Go prints fmt's error mark; {@code references()} are the
 *       params it uses; {@code text()}; and {@code isLiteral()}, true when the text holds no <code>
 *       {{</code>, so that execution returns the text itself. Its constants {@code MAX_DEPTH},
 *       {@code MAX_OUTPUT} and {@code MAX_PRINT_TOTAL} are limits below.
 *   <li>{@link io.alertforge.gotemplate.ParamReferences}: the root param keys the template names,
 *       each with the offset of its first mention, and whether it may use keys beyond those ({@code
 *       dynamic()}), found without executing it.
 *   <li>{@link io.alertforge.gotemplate.TemplateException}, sealed, and its two kinds {@link
 *       io.alertforge.gotemplate.TemplateSyntaxException} and {@link
 *       io.alertforge.gotemplate.TemplateExecutionException}: the problem's {@code detail()} (Go's
 *       message without Go's "template: alert.tmpl:LINE:COL: executing ... at &lt;...&gt;:" prefix,
 *       so that a caller can prefix its own file and field), its 0-based {@code offset()} in the
 *       template text and its 1-based {@code line()} and {@code column()}, all in Java {@code
 *       char}s. A syntax error is the first one in the text, lexical or grammatical, as Go's parser
 *       reports it, at the offending token (an unexpected EOF at the block left open); an execution
 *       error is at the node Go's executor names (for {@code .a.b} that is its {@code .b}, for an
 *       action its pipeline's first token).
 * </ul>
 *
 * <h2>What it implements</h2>
 *
 * <p>Text; actions <code>{{ }}</code> with the trim markers <code>{{- </code> and <code> -}}</code>
 * (white space next to the dash, so that <code>{{-3}}</code> is the number -3); comments <code>
 * {{/* *&#47;}}</code>; {@code .}, fields {@code .a.b}, {@code (pipeline).a}; variables: {@code $}
 * (the data of the template being executed), {@code $x := pipeline}, {@code $x = pipeline}, {@code
 * $x.a}, scoped to the enclosing block as in Go; {@code if} / {@code else if} / {@code else},
 * {@code with} / {@code else with} / {@code else}, {@code range} (with one or two variables and
 * {@code else}) and {@code end}; {@code break} and {@code continue} inside {@code range}; {@code
 * define}, {@code template "name" [pipeline]} and {@code block}, with Go's rules for redefinition,
 * and the main template named {@code alert.tmpl} as alert-manager names it; string, raw string,
 * bool, character, int (decimal, {@code 0x}, {@code 0o}, {@code 0b}, legacy octal, {@code _}
 * separators) and float constants and {@code nil}; pipelines with {@code |} and parentheses; every
 * builtin: {@code and or not len index slice print printf println eq ne lt le gt ge call html js
 * urlquery}, with Go's argument types and comparison rules, Go's lazy {@code and} and {@code or},
 * {@code len} and {@code slice} in UTF-8 bytes, and fmt's verbs, flags, widths, precisions,
 * argument indexes and {@code %!verb(type=value)} error forms. {@code range} iterates over the
 * params map in Go's sorted key order (keys compared as UTF-8 bytes); a missing value ranges as an
 * empty one; any other value but an integer is {@code range can't iterate over ...}. {@code call}
 * has no function to call in a params map, so it always fails as in Go.
 *
 * <p>Errors are Go's, word for word, syntax and execution alike ({@code unexpected EOF}, {@code
 * function "upper" not defined}, {@code error calling index: index out of range: 10}, {@code can't
 * evaluate field x in type string}, ...).
 *
 * <p>{@code execute} prints each value as text/template does but a missing one as nothing (as
 * html/template prints it, rather than "&lt;no value&gt;"), and inserts values verbatim: that is
 * what alert-compiler renders. A missing param is still not the empty string: {@code eq .missing
 * ""} is false and {@code print .missing} prints "&lt;nil&gt;", as in Go. A null params map is
 * taken as empty and a null value as a missing key. The package also executes a template exactly as
 * alert-manager does, through html/template in HTML text (the context of a JSON text, which holds
 * no {@code <}): each printing action's value goes through html/template's escaper ({@code "&'+<>}
 * and NUL replaced), {@code html} or {@code urlquery} ending a pipeline is merged with it as
 * html/template merges them, and html/template's checks come first ({@code predefined escaper
 * "html" disallowed in template}, {@code no such template "x"}). That mode is package-private: the
 * differential test uses it, and no caller does yet.
 *
 * <h2>Where Go versions differ</h2>
 *
 * <p>alert-manager builds with Go 1.26; the differential oracle is Go 1.19. The engine follows the
 * newer Go where they differ: {@code else with} (Go 1.23; Go 1.19 rejects it), {@code range} over
 * an integer n as 0..n-1 with one variable at most (Go 1.22), and {@code range $k, $v = ...}
 * assigning the variables it names (Go 1.19 sets the two innermost variables in scope). Each such
 * case is listed in the corpus as a known difference.
 *
 * <h2>What it does not</h2>
 *
 * <p>Complex constants ({@code 1i}) are a syntax error; a string literal whose escapes do not form
 * UTF-8 ({@code "ÿ"}) is one too, and a {@code slice} that splits a UTF-8 sequence holds U+FFFD,
 * because strings are Java strings. There are no other delimiters than <code>{{ }}</code>, no
 * functions beyond the builtins (no sprig), no {@code missingkey} option, and no data but the
 * params map (so no methods, struct fields or function values).
 *
 * <h2>Limits</h2>
 *
 * <ul>
 *   <li>Depth: more than {@value io.alertforge.gotemplate.GoTemplate#MAX_DEPTH} blocks ({@code if},
 *       {@code with}, {@code range}, {@code block}) and parentheses one inside another is a syntax
 *       error ({@code nesting too deep}); an {@code else if} chain is flat, so its length does not
 *       count. While executing, template calls nest at most {@value
 *       io.alertforge.gotemplate.GoTemplate#MAX_DEPTH} deep ({@code exceeded maximum template depth
 *       (100)}, where Go allows 100,000), and blocks, parentheses and calls together at most 1,000.
 *   <li>Time: one execution walks at most 1,000,000 nodes and range iterations ({@code execution
 *       took more than 1000000 steps}), so nested ranges, ranges over large integers and recursive
 *       templates end. Parsing is one pass over the text.
 *   <li>Output: one execution outputs at most {@value
 *       io.alertforge.gotemplate.GoTemplate#MAX_OUTPUT} chars ({@code output exceeds N
 *       characters}), and one print, printf or println returns at most as many ({@code error
 *       calling printf: the result is longer than N characters}); the strings the functions of one
 *       execution return total at most {@value io.alertforge.gotemplate.GoTemplate#MAX_PRINT_TOTAL}
 *       chars, results used only as arguments included ({@code functions built more than N
 *       characters of strings in one execution}). A printf width or precision over 1,000,000 is
 *       {@code %!(BADWIDTH)} or {@code %!(BADPREC)}, as in Go.
 * </ul>
 *
 * <h2>The differential corpus</h2>
 *
 * <p>{@code src/test/resources/io/alertforge/gotemplate/corpus/cases.txt} holds 517 templates
 * (every construct and builtin, their edge cases, syntax, escaping and execution errors, some with
 * their own params); {@code src/test/go/corpusgen} runs each through Go's html/template as
 * alert-manager does and writes {@code corpus.json} with Go's output or error message. {@code
 * GoTemplateCorpusTest} runs each through this engine as alert-manager does and compares the
 * output, or the whole error message Go gives (its "template: alert.tmpl:LINE[:COL]: executing
 * "NAME" at &lt;NODE&gt;:" prefix included, which checks positions and contexts too), for equality.
 * 14 cases are known differences, each with its reason and the result the engine gives instead,
 * which the test asserts; their number is pinned.
 */
package io.alertforge.gotemplate;
