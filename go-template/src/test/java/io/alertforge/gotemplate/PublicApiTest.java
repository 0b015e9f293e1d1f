package io.alertforge.gotemplate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module's public surface is the one package-info.java documents, and nothing else: a new
 * public class or member has to be a decision, made here and in that documentation.
 */
class PublicApiTest {

  @Test
  void onlyTheDocumentedTypesArePublic() throws IOException, URISyntaxException {
    assertThat(publicTypes())
        .containsExactly(
            "GoTemplate",
            "ParamReferences",
            "TemplateException",
            "TemplateExecutionException",
            "TemplateSyntaxException");
  }

  @Test
  void theTypesHaveOnlyTheDocumentedPublicMembers() {
    assertThat(publicMembers(GoTemplate.class))
        .containsExactly(
            "MAX_DEPTH",
            "MAX_OUTPUT",
            "MAX_PRINT_TOTAL",
            "execute",
            "executeRefusingFormatMarks",
            "isLiteral",
            "parse",
            "references",
            "text",
            "toString");
    assertThat(publicMembers(ParamReferences.class))
        .containsExactly("dynamic", "equals", "hashCode", "keys", "toString");
    assertThat(publicMembers(TemplateException.class))
        .containsExactly("column", "detail", "line", "offset");
    assertThat(publicMembers(TemplateSyntaxException.class)).isEmpty();
    assertThat(publicMembers(TemplateExecutionException.class)).isEmpty();
  }

  /** A caller can catch both kinds as one, but cannot make a third. */
  @Test
  void theExceptionsAreAClosedHierarchy() {
    assertThat(TemplateException.class.isSealed()).isTrue();
    assertThat(Modifier.isAbstract(TemplateException.class.getModifiers())).isTrue();
    assertThat(Arrays.stream(TemplateException.class.getPermittedSubclasses()).map(Class::getName))
        .containsExactlyInAnyOrder(
            TemplateSyntaxException.class.getName(), TemplateExecutionException.class.getName());
  }

  /** The public classes of the package, read from the directory its classes were compiled to. */
  private static List<String> publicTypes() throws IOException, URISyntaxException {
    Path classes =
        Path.of(GoTemplate.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve(GoTemplate.class.getPackageName().replace('.', '/'));
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.list(classes)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (name.endsWith(".class") && !name.contains("$") && !name.equals("package-info.class")) {
          names.add(name.substring(0, name.length() - ".class".length()));
        }
      }
    }
    assertThat(names).as("classes under %s", classes).contains("GoTemplate", "Parser");
    return names.stream().filter(PublicApiTest::isPublic).toList();
  }

  private static boolean isPublic(String simpleName) {
    try {
      Class<?> type = Class.forName(GoTemplate.class.getPackageName() + "." + simpleName);
      return Modifier.isPublic(type.getModifiers());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  /** Public fields, constructors, methods and nested types declared by {@code type}, by name. */
  private static Set<String> publicMembers(Class<?> type) {
    Set<String> names = new TreeSet<>();
    Stream.of(type.getDeclaredFields(), type.getDeclaredConstructors(), type.getDeclaredMethods())
        .flatMap(Arrays::stream)
        .filter(member -> Modifier.isPublic(member.getModifiers()) && !member.isSynthetic())
        .map(Member::getName)
        .forEach(names::add);
    Arrays.stream(type.getDeclaredClasses())
        .filter(nested -> Modifier.isPublic(nested.getModifiers()))
        .map(Class::getSimpleName)
        .forEach(names::add);
    return names;
  }
}
