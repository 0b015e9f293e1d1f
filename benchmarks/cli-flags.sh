#!/usr/bin/env bash
# Whole-process timings of `alertforge lint` with each set of JVM flags the launcher could use, on
# sample-repo and on a generated repository. Usage: benchmarks/cli-flags.sh [alerts=10000] [runs=5]
# Needs `mvn -B -pl alert-cli,benchmarks -am package -DskipTests` first (the distribution in
# alert-cli/target/alertforge/ with its class-data-sharing archive, and benchmarks.jar).
# The variants run alternated (one run of each in turn, `runs` times), so that a change of load
# hits them alike; prints one line per run and the median wall and CPU time of each.
set -euo pipefail
cd "$(dirname "$0")/.."
ALERTS=${1:-10000}
RUNS=${2:-5}
WORK=${WORK:-$(mktemp -d /tmp/alertforge-cli-flags.XXXXXX)}
DIST=$PWD/alert-cli/target/alertforge
JSA=$DIST/lib/alertforge.jsa
[ -f "$JSA" ] || { echo "no $JSA: build the distribution first" >&2; exit 2; }

if [ ! -d "$WORK/repo" ]; then
  java -cp benchmarks/target/benchmarks.jar io.alertforge.benchmarks.RepositoryGenerator \
    "$ALERTS" "$WORK/repo" >/dev/null
fi

CDS="-XX:SharedArchiveFile=$JSA -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
declare -A FLAGS=(
  [default]=""
  [c1]="-XX:TieredStopAtLevel=1"
  [serial]="-XX:+UseSerialGC"
  [c1-serial]="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
  [c1-serial-cds]="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC $CDS"
  [c1-serial-cds-xms1g]="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC $CDS -Xms1g -Xmn512m"
)
ORDER=(default c1 serial c1-serial c1-serial-cds c1-serial-cds-xms1g)

: >"$WORK/times"
for i in $(seq "$RUNS"); do
  for repo in sample-repo "$WORK/repo"; do
    name=$([ "$repo" = sample-repo ] && echo sample || echo "gen$ALERTS")
    for variant in "${ORDER[@]}"; do
      # shellcheck disable=SC2086 # the flags are a list
      /usr/bin/time -f "%e,%U,%S" -o "$WORK/t" java ${FLAGS[$variant]} \
        -cp "$DIST/lib/alertforge.jar" io.alertforge.cli.Main lint -o "$WORK/out" "$repo" \
        >"$WORK/last.log" 2>&1 || { cat "$WORK/last.log"; exit 1; }
      IFS=, read -r wall user sys <"$WORK/t"
      printf '%-8s %-22s wall %5.2f s  cpu %5.2f s  (load %s)\n' "$name" "$variant" "$wall" \
        "$(echo "$user + $sys" | bc)" "$(cut -d' ' -f1 /proc/loadavg)"
      echo "$name $variant $wall $(echo "$user + $sys" | bc)" >>"$WORK/times"
    done
  done
done
grep "Alerts in" "$WORK/last.log"

echo "== medians over $RUNS runs (wall / cpu seconds)"
for name in sample "gen$ALERTS"; do
  for variant in "${ORDER[@]}"; do
    wall=$(grep "^$name $variant " "$WORK/times" | awk '{print $3}' | sort -n | tr '\n' ' ')
    cpu=$(grep "^$name $variant " "$WORK/times" | awk '{print $4}' | sort -n | tr '\n' ' ')
    echo "$name $variant $wall| $cpu" | awk '{
      n = (NF - 3) / 2; m = int((n + 1) / 2);
      printf "%-8s %-22s median wall %5.2f s (min %.2f, max %.2f)  median cpu %5.2f s\n",
        $1, $2, $(2 + m), $3, $(2 + n), $(3 + n + m)}'
  done
done
echo "work directory: $WORK"
