package io.alertforge.compiler.lint;

import java.util.regex.Pattern;

/**
 * A glob from {@code alertforge.yaml}. Path globs: {@code *} matches within one path segment,
 * {@code **} across segments ({@code a/**} matches everything under {@code a/}), {@code ?} one
 * character. Value globs (metric names, targets, tags): {@code *} matches any run of characters.
 */
public final class Glob {

  private final String text;
  private final Pattern pattern;

  private Glob(String text, Pattern pattern) {
    this.text = text;
    this.pattern = pattern;
  }

  public static Glob path(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        i++;
        if (i + 1 < glob.length() && glob.charAt(i + 1) == '/') {
          i++;
          regex.append("(?:.*/)?");
        } else {
          regex.append(".*");
        }
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return new Glob(glob, Pattern.compile(regex.toString()));
  }

  public static Glob value(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return new Glob(glob, Pattern.compile(regex.toString(), Pattern.DOTALL));
  }

  public boolean matches(String value) {
    return pattern.matcher(value).matches();
  }

  public String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }
}
