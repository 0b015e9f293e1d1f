import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders a pull-request comment's Markdown as an HTML page close to GitHub's: GitHub-flavoured
 * tables, raw HTML passed through (details, code, links), a GitHub-like style. Run by
 * render-comment.sh; arguments: the Markdown file, the HTML file, and "open" to expand every
 * collapsed section.
 */
public class RenderComment {

  private static final String STYLE =
      """
      body { font-family: -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; font-size: 14px;
             line-height: 1.5; color: #1f2328; max-width: 1100px; margin: 16px auto; }
      .comment { border: 1px solid #d1d9e0; border-radius: 6px; padding: 16px; }
      h3 { font-size: 1.25em; margin-top: 0; }
      code { font-family: "DejaVu Sans Mono", monospace; font-size: 85%;
             background: #eff1f3; padding: .2em .4em; border-radius: 6px; }
      pre { background: #f6f8fa; padding: 16px; overflow: auto; border-radius: 6px; }
      pre code { background: none; padding: 0; font-size: 85%; }
      table { border-collapse: collapse; margin: 8px 0; }
      th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
      tr:nth-child(2n) { background: #f6f8fa; }
      blockquote { margin: 0; padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; }
      a { color: #0969da; text-decoration: none; }
      details { margin: 8px 0; }
      summary { cursor: pointer; }
      """;

  public static void main(String[] args) throws Exception {
    String markdown = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
    List<org.commonmark.Extension> extensions = List.of(TablesExtension.create());
    Parser parser = Parser.builder().extensions(extensions).build();
    String body = HtmlRenderer.builder().extensions(extensions).build().render(parser.parse(markdown));
    if (args.length > 2 && args[2].equals("open")) {
      body = body.replace("<details>", "<details open>");
    }
    String page =
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><style>"
            + STYLE
            + "</style></head><body><div class=\"comment\">\n"
            + body
            + "</div></body></html>\n";
    Files.writeString(Path.of(args[1]), page, StandardCharsets.UTF_8);
  }
}
