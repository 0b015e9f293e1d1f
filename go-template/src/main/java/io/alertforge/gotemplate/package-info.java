/**
 * Go's text/template, in the subset that keikoproj/alert-manager users write, printing a missing
 * value as html/template does: a port of Go's lexer, parser, executor and fmt that needs nothing
 * but the JDK. The data of a template is one {@code Map<String, String>} of params.
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
 *       references()} are the params it uses; {@code text()}; and {@code isLiteral()}, true when
 *       the text holds no <code>{{</code>, so that execution returns the text itself. Its constants
 *       {@code MAX_DEPTH}, {@code MAX_OUTPUT} and {@code MAX_PRINT_TOTAL} are the limits below.
 *   <li>{@link io.alertforge.gotemplate.ParamReferences}: the root param keys the template names,
 *       each with the offset of its first mention, and whether it may use keys beyond those ({@code
 *       dynamic()}), found without executing it.
 *   <li>{@link io.alertforge.gotemplate.TemplateException}, sealed, and its two kinds {@link
 *       io.alertforge.gotemplate.TemplateSyntaxException} and {@link
 *       io.alertforge.gotemplate.TemplateExecutionException}: the problem's {@code detail()} (the
 *       exception's whole message, with no position in it, so that a caller can prefix its own file
 *       and field), its 0-based {@code offset()} in the template text and its 1-based {@code
 *       line()} and {@code column()}, all in Java {@code char}s. A syntax error is the first one in
 *       the text, lexical or grammatical, as Go's parser reports it; an execution error is at the
 *       action or operand that failed, with Go's message ({@code error calling printf: ...}, {@code
 *       can't evaluate field x in type string}, {@code wrong number of args for eq: ...}).
 * </ul>
 *
 * <h2>What it implements</h2>
 *
 * <p>Text; actions <code>{{ }}</code> with the trim markers <code>{{- </code> and <code> -}}</code>
 * (white space next to the dash, so that <code>{{-3}}</code> is the number -3); comments <code>
 * {{/* *&#47;}}</code>, trimmed or not; {@code .}, {@code $}, fields {@code .a}, {@code .a.b} and
 * {@code $.a}; {@code if}, {@code else if}, {@code with}, {@code else with}, {@code else} and
 * {@code end}; string, raw string, bool, int (decimal, {@code 0x}, {@code 0o}, {@code 0b}, legacy
 * octal, {@code _} separators) and float constants (with exponents and hex mantissas); pipelines
 * and parentheses; the builtins {@code eq ne lt le gt ge and or not len index print printf}, with
 * Go's comparison rules, Go's lazy {@code and} and {@code or}, {@code len} in UTF-8 bytes, and
 * fmt's verbs, flags, widths, precisions, argument indexes and {@code %!verb(type=value)} error
 * forms.
 *
 * <p>Execution follows Go's, with one deliberate difference: a missing param prints as nothing, as
 * html/template (which alert-manager runs) prints it, rather than text/template's "&lt;no
 * value&gt;". A missing param is still not the empty string: {@code eq .missing ""} is false and
 * {@code print .missing} prints "&lt;nil&gt;", as in Go. A null params map is taken as empty and a
 * null value as a missing key.
 *
 * <h2>What it does not</h2>
 *
 * <p>Each of these is a {@link io.alertforge.gotemplate.TemplateSyntaxException} at its position:
 * {@code range}, {@code define}, {@code template}, {@code block}, {@code break} and {@code
 * continue}; variables other than {@code $} ({@code $x}, {@code :=}, {@code =}); every function but
 * the builtins above (Go's {@code html}, {@code js}, {@code urlquery}, {@code println}, {@code
 * slice}, {@code call}, and sprig's); {@code nil}; character constants; complex numbers; an integer
 * constant that overflows Go's int (Go rejects it when executing). There are no other delimiters
 * than <code>{{ }}</code>, no sets of named templates, no {@code missingkey} option, no data but
 * the params map (so no methods or struct fields), and none of html/template's escaping: values are
 * inserted verbatim.
 *
 * <h2>Limits</h2>
 *
 * <ul>
 *   <li>Depth: more than {@value io.alertforge.gotemplate.GoTemplate#MAX_DEPTH} {@code if}/{@code
 *       with} blocks and parentheses one inside another is a syntax error ({@code nesting too
 *       deep}), which also bounds an execution's recursion. An {@code else if} chain is flat, so
 *       its length does not count.
 *   <li>Output: one execution outputs at most {@value
 *       io.alertforge.gotemplate.GoTemplate#MAX_OUTPUT} chars ({@code output exceeds N
 *       characters}), and one print or printf returns at most as many ({@code error calling printf:
 *       the result is longer than N characters}); the print and printf calls of one execution
 *       return at most {@value io.alertforge.gotemplate.GoTemplate#MAX_PRINT_TOTAL} chars in total,
 *       results used only as arguments included ({@code print and printf built more than N
 *       characters in one execution}). A printf width or precision over 1,000,000 is {@code
 *       %!(BADWIDTH)} or {@code %!(BADPREC)}, as in Go.
 *   <li>Time: there is no clock and no timeout, because there is nothing to repeat. Parsing is one
 *       pass over the text. A template has no loops and calls no other template, so one execution
 *       runs each node of the tree at most once, and each builtin's work is linear in the size of
 *       its operands (a param value, or a print or printf result bounded as above).
 * </ul>
 */
package io.alertforge.gotemplate;
