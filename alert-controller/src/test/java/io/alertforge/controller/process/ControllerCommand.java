package io.alertforge.controller.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flags and environment of one controller process. Immutable: a test derives the command of a
 * second process from the first's with {@link #with} and {@link #env}, and the two never share
 * changes.
 */
final class ControllerCommand {
  /** A flag without a value, such as {@code --leader-elect}. */
  private static final String SWITCH = "";

  private final Map<String, String> flags;
  private final Map<String, String> environment;

  ControllerCommand() {
    this(Map.of(), Map.of());
  }

  private ControllerCommand(Map<String, String> flags, Map<String, String> environment) {
    this.flags = new LinkedHashMap<>(flags);
    this.environment = new LinkedHashMap<>(environment);
  }

  /** The same command with {@code flag value} (replacing an earlier value of that flag). */
  ControllerCommand with(String flag, String value) {
    ControllerCommand next = new ControllerCommand(flags, environment);
    next.flags.put(flag, value);
    return next;
  }

  /** The same command with the switch {@code flag}. */
  ControllerCommand with(String flag) {
    return with(flag, SWITCH);
  }

  ControllerCommand without(String flag) {
    ControllerCommand next = new ControllerCommand(flags, environment);
    next.flags.remove(flag);
    return next;
  }

  ControllerCommand env(String name, String value) {
    ControllerCommand next = new ControllerCommand(flags, environment);
    next.environment.put(name, value);
    return next;
  }

  List<String> arguments() {
    List<String> args = new ArrayList<>();
    flags.forEach(
        (flag, value) -> {
          args.add(flag);
          if (!value.equals(SWITCH)) {
            args.add(value);
          }
        });
    return args;
  }

  Map<String, String> environment() {
    return Map.copyOf(environment);
  }
}
