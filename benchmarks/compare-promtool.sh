#!/usr/bin/env bash
# `promtool check rules` on 10,000 Prometheus alerting rules beside `mvn alert:lint` on the
# equivalent 10,000-alert AlertForge repository, in one run; prints both and the ratio.
# Usage: benchmarks/compare-promtool.sh [alerts=10000] [runs=3]
# Installs the Debian package `prometheus` (for promtool) when promtool is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ALERTS=${1:-10000}
RUNS=${2:-3}
export WORK=${WORK:-$(mktemp -d /tmp/alertforge-promtool.XXXXXX)}

if ! command -v promtool >/dev/null; then
  echo "== installing promtool (Debian package prometheus)"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends prometheus
fi
promtool --version 2>&1 | head -1

# The AlertForge side: plugin, generated repository and one warm-up run (skipped when WORK already
# holds them, from an earlier run of this script or of whole-process.sh with the same size).
if [ ! -f "$WORK/repo/pom.xml" ]; then
  benchmarks/whole-process.sh "$ALERTS" 1 >"$WORK/whole-process.log"
fi

# The same alerts as Prometheus rules: one group per app, one rule per template, the same
# thresholds, durations, labels and annotations (the generator's AlertsConfigs, flattened).
echo "== writing $ALERTS Prometheus alerting rules"
awk -v alerts="$ALERTS" 'BEGIN {
  per = 10; apps = alerts / per; split("cpu memory network disk fs", res, " ");
  print "groups:";
  for (c = 0; c < apps; c++) {
    printf "  - name: app%d\n    rules:\n", c;
    for (t = 0; t < per; t++) {
      r = res[t % 5 + 1];
      thr = ((c + t) % 3 == 0) ? 60 + (c + t) % 30 : 80 + t % 10;
      printf "      - alert: App%dT%d%sHigh\n", c, t, toupper(substr(r, 1, 1)) substr(r, 2);
      printf "        expr: 100 * sum by (pod) (rate(container_%s_usage_seconds_total{cluster=\"prod-%d\", app=\"app%d\"}[5m])) / sum by (pod) (kube_pod_container_resource_requests{resource=\"%s\", cluster=\"prod-%d\", app=\"app%d\"}) > %d\n", r, c % 3, c, r, c % 3, c, thr;
      printf "        for: 10m\n";
      printf "        labels:\n          severity: warning\n          team: team%d\n          service: app%d\n          env: prod\n          alert: t%d\n", c % 20, c, t;
      printf "        annotations:\n          summary: \"[prod] prod-%d/app%d - %s t%d high\"\n", c % 3, c, r, t;
      printf "          description: \"The app pods have used more than {{ $value }} percent of their %s for 10 minutes.\"\n", r;
      printf "          runbook_url: https://runbooks.example.com/team%d/t%d\n", c % 20, t;
    }
  }
}' >"$WORK/rules.yml"
echo "rules: $(grep -c '^      - alert:' "$WORK/rules.yml"), $(du -h "$WORK/rules.yml" | cut -f1)"

measure() { # label, command...: prints "wall cpu rssMiB"
  local label=$1
  shift
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/t.txt" "$@" >"$WORK/$label.log" 2>&1 ||
    { tail -20 "$WORK/$label.log"; exit 1; }
  read -r wall user sys rss <"$WORK/t.txt"
  printf '%-9s wall %6.2f s  cpu %6.2f s  maxRSS %5d MiB  (load %s)\n' "$label" "$wall" \
    "$(echo "$user + $sys" | bc)" $((rss / 1024)) "$(cut -d' ' -f1 /proc/loadavg)"
  echo "$label $wall" >>"$WORK/compare"
}

echo "== $RUNS runs each, alternating"
: >"$WORK/compare"
for i in $(seq "$RUNS"); do
  measure promtool promtool check rules "$WORK/rules.yml"
  measure alertlint mvn -B -o -s "$WORK/settings.xml" -Dmaven.repo.local="$WORK/m2-cold" \
    -f "$WORK/repo/pom.xml" alert:lint
done
grep SUCCESS "$WORK/promtool.log" || tail -3 "$WORK/promtool.log"
grep "Alerts in" "$WORK/alertlint.log" || true

median() { grep "^$1 " "$WORK/compare" | awk '{print $2}' | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
P=$(median promtool)
A=$(median alertlint)
echo "== medians: promtool check rules ${P} s, mvn alert:lint ${A} s;" \
  "alert:lint / promtool = $(echo "scale=2; $A / $P" | bc) (target: at most 0.5)"
echo "work directory: $WORK"
