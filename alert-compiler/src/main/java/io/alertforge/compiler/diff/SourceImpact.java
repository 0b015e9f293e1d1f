package io.alertforge.compiler.diff;

/**
 * The blast radius of one changed source file: how many rendered alerts it touches, in how many
 * AlertsConfigs and namespaces.
 *
 * @param role what the file defines for the touched alerts: {@code template}, {@code AlertsConfig},
 *     {@code WavefrontAlert} (standalone), several joined by {@code " + "}, or {@code other} when
 *     no rendered alert comes from it
 */
public record SourceImpact(
    String file, String role, int alerts, int alertsConfigs, int namespaces) {}
