#!/bin/sh
# The pre-commit hook's entry (.pre-commit-hooks.yaml), run in the repository being committed to:
# `alertforge lint` of that repository. The command: $ALERTFORGE if set, else alertforge on PATH,
# else the distribution built once with Maven in the hook's own checkout (pre-commit's cache).
# Arguments are passed to alertforge lint, e.g. `args: [--fail-on, warning]`.
set -eu
if [ -n "${ALERTFORGE:-}" ]; then
  alertforge=$ALERTFORGE
elif command -v alertforge >/dev/null 2>&1; then
  alertforge=alertforge
else
  hook_repository=$(cd -P -- "$(dirname -- "$0")/.." && pwd -P)
  alertforge=$hook_repository/alert-cli/target/alertforge/bin/alertforge
  if [ ! -x "$alertforge" ]; then
    echo "alertforge: building the command once in $hook_repository (Maven, Java 17)" >&2
    mvn -B -q -f "$hook_repository/pom.xml" -pl alert-cli -am package -DskipTests >&2
  fi
fi
exec "$alertforge" lint --output "${ALERTFORGE_OUTPUT:-target/alerts}" "$@" .
