package io.alertforge.compiler.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Value globs match without a regex when they can: exactly as the regex would. */
class GlobTest {

  @Test
  void literalMatchingAgreesWithTheRegexOnRandomGlobsAndValues() {
    Random random = new Random(42);
    String alphabet = "ab*:.\n";
    for (int i = 0; i < 200_000; i++) {
      String glob = randomString(random, alphabet, 6);
      String value = randomString(random, alphabet.replace("*", ""), 8);
      String regex = ("\\Q" + glob.replace("*", "\\E.*\\Q") + "\\E");
      boolean expected = Pattern.compile(regex, Pattern.DOTALL).matcher(value).matches();
      assertThat(Glob.value(glob).matches(value))
          .as("glob '%s' on '%s'", glob, value)
          .isEqualTo(expected);
    }
  }

  @Test
  void examples() {
    assertThat(Glob.value("team:*").matches("team:payments")).isTrue();
    assertThat(Glob.value("team:*").matches("service:x")).isFalse();
    assertThat(Glob.value("a*a").matches("a")).isFalse();
    assertThat(Glob.value("a*a").matches("aa")).isTrue();
    assertThat(Glob.value("*").matches("")).isTrue();
    assertThat(Glob.value("kubernetes.*").matches("kubernetesXcpu")).isFalse();
    assertThat(Glob.value("a?c").matches("abc")).isTrue();
    assertThat(Glob.value("a*b*a").matches("abba")).isTrue();
  }

  private static String randomString(Random random, String alphabet, int maxLength) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }
}
