package io.alertforge.gotemplate;

/**
 * Go's invalid reflect.Value: what a missing map key, or a field of one, evaluates to. It is not
 * the empty string: {@code eq .missing ""} is false and {@code print .missing} prints
 * "&lt;nil&gt;", as in Go.
 */
enum NoValue {
  INSTANCE
}
