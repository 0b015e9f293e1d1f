package io.alertforge.wavefront.emulator.fault;

import java.util.regex.Pattern;

/**
 * A path pattern: {@code *} matches within one segment (no {@code /}), {@code **} matches any
 * characters including {@code /}; everything else is literal. {@code /api/v2/alert/*} matches
 * {@code /api/v2/alert/123} but not {@code /api/v2/alert} or {@code /api/v2/alert/123/tag}.
 */
public final class PathGlob {
  private final String glob;
  private final Pattern pattern;

  private PathGlob(String glob) {
    this.glob = glob;
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*') {
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
          regex.append(".*");
          i++;
        } else {
          regex.append("[^/]*");
        }
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    this.pattern = Pattern.compile(regex.toString());
  }

  public static PathGlob of(String glob) {
    return new PathGlob(glob);
  }

  public boolean matches(String path) {
    return pattern.matcher(path).matches();
  }

  @Override
  public String toString() {
    return glob;
  }
}
