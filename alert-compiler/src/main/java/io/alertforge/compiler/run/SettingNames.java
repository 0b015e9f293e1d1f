package io.alertforge.compiler.run;

/**
 * How a front end spells the settings that messages name, so that a message says what the user can
 * set there: {@code -Dalert.source} and {@code alert.failOn} in Maven, {@code DIR} and {@code
 * --fail-on} on the command line.
 *
 * @param source how to set the alert repository, as in "Set {@code source} to the directory that
 *     holds the alert YAML"
 * @param failOn the setting of the lowest severity that fails
 * @param format the setting of the report formats
 */
public record SettingNames(String source, String failOn, String format) {}
