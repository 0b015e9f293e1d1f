package io.alertforge.controller;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The environment variable behind a flag, as its {@code ${env:NAME}} or {@code
 * ${env:NAME:-default}} default declares it: read from the environment {@link Main#run} is given,
 * and named when the flag is missing.
 */
final class EnvironmentDefaults {
  private static final Pattern ENV_DEFAULT = Pattern.compile("\\$\\{env:(\\w+)(?::-(.*))?}");

  private final Map<String, String> env;

  EnvironmentDefaults(Map<String, String> env) {
    this.env = env;
  }

  /** A flag's default from the environment; null leaves it to picocli (a literal, or none). */
  String defaultValue(ArgSpec arg) {
    Matcher m = declared(arg);
    if (m == null) {
      return null;
    }
    String value = env.get(m.group(1));
    return value != null ? value : m.group(2);
  }

  /** {@code --cluster-name is required (or the environment variable CLUSTER_NAME)}. */
  static String required(OptionSpec option) {
    Matcher env = declared(option);
    return option.longestName()
        + " is required"
        + (env == null ? "" : " (or the environment variable " + env.group(1) + ")");
  }

  /** A flag's environment default, parsed; or null. */
  private static Matcher declared(ArgSpec arg) {
    Option option = arg.userObject() instanceof Field f ? f.getAnnotation(Option.class) : null;
    Matcher m = option == null ? null : ENV_DEFAULT.matcher(option.defaultValue());
    return m != null && m.matches() ? m : null;
  }
}
