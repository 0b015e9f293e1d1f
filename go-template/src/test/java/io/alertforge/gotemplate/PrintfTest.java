package io.alertforge.gotemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * printf is fmt.Sprintf: verbs, flags, width and precision, explicit argument indexes and Go's
 * error forms such as %!d(string=x), %!(EXTRA ...) and %!d(MISSING). Every expected value is Go
 * 1.19's output.
 */
class PrintfTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource
  void printf(String template, String expected) throws TemplateException {
    assertThat(GoTemplateExecutionTest.render(template)).isEqualTo(expected);
  }

  static Stream<Arguments> printf() {
    return Stream.of(
        arguments("{{ printf \"%5.2f|%-4d|%q\" 3.14159 7 \"x\" }}", " 3.14|7   |\"x\""),
        arguments("{{ printf \"%s\" .env }}", "prod"),
        arguments("{{ printf \"%v %v %v %v\" 1 2.5 true \"s\" }}", "1 2.5 true s"),
        arguments("{{ printf \"%d%%\" 50 }}", "50%"),
        arguments(
            "{{ printf \"%5d|%-5d|%05d|%+d|% d\" 42 42 42 42 42 }}", "   42|42   |00042|+42| 42"),
        arguments(
            "{{ printf \"%x|%X|%#x|%o|%#o|%O|%b|%#b\" 255 255 255 8 8 8 5 5 }}",
            "ff|FF|0xff|10|010|0o10|101|0b101"),
        arguments("{{ printf \"%x\" -255 }}", "-ff"),
        arguments("{{ printf \"%.3d|%6.3d|%-6.3d|\" 7 7 7 }}", "007|   007|007   |"),
        arguments(
            "{{ printf \"%c|%q|%U|%#U\" 65 65 0x1F600 0x1F600 }}",
            "A|'A'|U+1F600|U+1F600 '\ud83d\ude00'"),
        arguments(
            "{{ printf \"%s|%8s|%-8s|%.2s|%08s\" .env .env .env .env .env }}",
            "prod|    prod|prod    |pr|0000prod"),
        arguments(
            "{{ printf \"%q|%+q|%#q|%#q\" .name .name \"a`b\" \"ab\" }}",
            "\"héllo\"|\"h\\u00e9llo\"|\"a`b\"|`ab`"),
        arguments(
            "{{ printf \"%x|% x|%#x|% #X|%.2x\" \"hi!\" \"hi!\" \"hi!\" \"hi!\" \"hi!\" }}",
            "686921|68 69 21|0x686921|0X68 0X69 0X21|6869"),
        arguments("{{ printf \"%5s|%.3s|\" .name .name }}", "héllo|hél|"),
        arguments(
            "{{ printf \"%f|%.2f|%8.3f|%-8.1f|%08.2f|%+.1f\" 3.14159 3.14159 3.14159 3.14159 -3.14159 2.5 }}",
            "3.141590|3.14|   3.142|3.1     |-0003.14|+2.5"),
        arguments(
            "{{ printf \"%e|%.2e|%E|%g|%.3g|%G\" 123456.789 123456.789 0.000123 123456.789 123456.789 1e-10 }}",
            "1.234568e+05|1.23e+05|1.230000E-04|123456.789|1.23e+05|1E-10"),
        arguments("{{ printf \"%g|%g|%g|%g\" 100.0 1e21 1e-5 0.0001 }}", "100|1e+21|1e-05|0.0001"),
        arguments("{{ printf \"%.0f %.0f %.0f %.1f\" 0.5 1.5 2.5 0.05 }}", "0 2 2 0.1"),
        arguments("{{ printf \"%#g|%#.3g|%#.0f\" 1.0 2.0 3.0 }}", "1.00000|2.00|3."),
        arguments(
            "{{ printf \"%x|%X|%b\" 1.5 -0.75 1.0 }}", "0x1.8p+00|-0X1.8P-01|4503599627370496p-52"),
        arguments("{{ printf \"%.20f\" 0.1 }}", "0.10000000000000000555"),
        arguments("{{ printf \"%t|%v|%6t|\" true false true }}", "true|false|  true|"),
        arguments(
            "{{ printf \"%T %T %T %T %T %T\" 1 1.5 \"s\" true . .missing }}",
            "int float64 string bool map[string]string <nil>"),
        arguments(
            "{{ printf \"%v\" . }}",
            "map[cluster:prod-east empty: env:prod flag:true markup:<b class=\"x\">&'</b> name:héllo ratio:0.75 threshold:80]"),
        arguments(
            "{{ printf \"%q\" . }}",
            "map[\"cluster\":\"prod-east\" \"empty\":\"\" \"env\":\"prod\" \"flag\":\"true\" \"markup\":\"<b class=\\\"x\\\">&'</b>\" \"name\":\"héllo\" \"ratio\":\"0.75\" \"threshold\":\"80\"]"),
        arguments(
            "{{ printf \"%#v\" . }}",
            "map[string]string{\"cluster\":\"prod-east\", \"empty\":\"\", \"env\":\"prod\", \"flag\":\"true\", \"markup\":\"<b class=\\\"x\\\">&'</b>\", \"name\":\"héllo\", \"ratio\":\"0.75\", \"threshold\":\"80\"}"),
        arguments(
            "{{ printf \"%d\" . }}",
            "map[%!d(string=cluster):%!d(string=prod-east) %!d(string=empty):%!d(string=) %!d(string=env):%!d(string=prod) %!d(string=flag):%!d(string=true) %!d(string=markup):%!d(string=<b class=\"x\">&'</b>) %!d(string=name):%!d(string=héllo) %!d(string=ratio):%!d(string=0.75) %!d(string=threshold):%!d(string=80)]"),
        arguments("{{ printf \"%d\" \"x\" }}", "%!d(string=x)"),
        arguments("{{ printf \"%s\" 5 }}", "%!s(int=5)"),
        arguments("{{ printf \"%t\" 1 }}", "%!t(int=1)"),
        arguments("{{ printf \"%z\" 1.5 }}", "%!z(float64=1.5)"),
        arguments("{{ printf \"%d\" true }}", "%!d(bool=true)"),
        arguments("{{ printf \"%5d\" \"x\" }}", "%!d(string=    x)"),
        arguments("{{ printf \"%d\" }}", "%!d(MISSING)"),
        arguments("{{ printf \"%d %s\" 1 }}", "1 %!s(MISSING)"),
        arguments("{{ printf \"%d\" 1 2 \"x\" }}", "1%!(EXTRA int=2, string=x)"),
        arguments("{{ printf \"%s\" \"a\" .missing }}", "a%!(EXTRA <nil>)"),
        arguments("{{ printf \"no verbs\" 1 }}", "no verbs%!(EXTRA int=1)"),
        arguments("{{ printf \"%[2]s %[1]s\" \"a\" \"b\" }}", "b a"),
        arguments("{{ printf \"%[3]d\" 1 2 }}", "%!d(BADINDEX)"),
        arguments("{{ printf \"%[2]d %d\" 1 2 3 }}", "2 3"),
        arguments("{{ printf \"%*d|%-*d|%.*f\" 5 1 5 2 2 3.14159 }}", "    1|2    |3.14"),
        arguments("{{ printf \"%*d\" \"w\" 1 }}", "%!(BADWIDTH)1"),
        arguments("{{ printf \"%.*d\" \"p\" 1 }}", "%!(BADPREC)1"),
        arguments("{{ printf \"%\" }}", "%!(NOVERB)"),
        arguments("{{ printf \"%!\" }}", "%!!(MISSING)"),
        arguments("{{ printf \"%-\" }}", "%!(NOVERB)"),
        arguments("{{ printf \"%.\" }}", "%!.(MISSING)"));
  }
}
