#!/usr/bin/env bash
# Whole-process timings of `mvn alert:lint` and `mvn alert:diff` on a generated repository, the way
# users meet them. Usage: benchmarks/whole-process.sh [alerts=10000] [runs=5]
#
# The plugin is installed into a private local repository under $WORK (never into ~/.m2), which
# takes everything else from ~/.m2/repository through a file:// mirror. Then, in a generated
# repository with a Git history (branch main, and the checked-out branch `change` that changes 1%
# of the alerts):
#   cold   the first `mvn alert:lint` with a fresh local repository (plugins and their dependencies
#          copied from the file:// mirror: a lower bound on a real download)
#   warm   `mvn alert:lint`, `mvn alert:diff` with a warm local repository, `runs` times each
#   maven  `mvn alert:lint -Dalert.skip=true`: Maven's start-up, the project model and the plugin's
#          class loading, without the plugin's work. plugin time = goal - maven.
# Prints one line per run (wall seconds, CPU seconds, max RSS) and the medians.
set -euo pipefail
cd "$(dirname "$0")/.."
ALERTS=${1:-10000}
RUNS=${2:-5}
WORK=${WORK:-$(mktemp -d /tmp/alertforge-whole-process.XXXXXX)}
M2="$HOME/.m2/repository"
VERSION=0.1.0-SNAPSHOT

cat >"$WORK/settings.xml" <<EOF
<settings>
  <mirrors>
    <mirror><id>home-m2</id><mirrorOf>*</mirrorOf><url>file://$M2</url></mirror>
  </mirrors>
</settings>
EOF
MVN=(mvn -B -s "$WORK/settings.xml")

echo "== building the plugin into $WORK/m2-build"
"${MVN[@]}" -q -Dmaven.repo.local="$WORK/m2-build" -pl alert-maven-plugin,benchmarks -am install \
  -DskipTests -Dspotless.check.skip=true -Denforcer.skip=true >"$WORK/build.log" 2>&1 ||
  { tail -50 "$WORK/build.log"; exit 1; }

echo "== generating $ALERTS alerts with a Git history"
java -cp benchmarks/target/benchmarks.jar io.alertforge.benchmarks.RepositoryGenerator \
  "$ALERTS" "$WORK/repo" --git
cat >"$WORK/repo/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId>
  <artifactId>generated-alerts</artifactId>
  <version>1.0.0-SNAPSHOT</version>
  <packaging>pom</packaging>
  <build>
    <plugins>
      <plugin>
        <groupId>io.alertforge</groupId>
        <artifactId>alert-maven-plugin</artifactId>
        <version>$VERSION</version>
      </plugin>
    </plugins>
  </build>
</project>
EOF

# One timed run: label, then the Maven arguments. Appends "label wall cpu rss" to $WORK/times.
run() {
  local label=$1
  shift
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" "${MVN[@]}" -f "$WORK/repo/pom.xml" "$@" \
    >"$WORK/last.log" 2>&1 || { tail -30 "$WORK/last.log"; exit 1; }
  read -r wall user sys rss <"$WORK/time.txt"
  local cpu
  cpu=$(echo "$user + $sys" | bc)
  printf '%-14s wall %6.2f s  cpu %6.2f s  maxRSS %5d MiB  (load %s)\n' "$label" "$wall" "$cpu" \
    $((rss / 1024)) "$(cut -d' ' -f1 /proc/loadavg)"
  echo "$label $wall $cpu $rss" >>"$WORK/times"
}

echo "== cold local repository (alertforge artifacts only; the rest via the file:// mirror)"
mkdir -p "$WORK/m2-cold/io"
cp -r "$WORK/m2-build/io/alertforge" "$WORK/m2-cold/io/"
run lint-cold -Dmaven.repo.local="$WORK/m2-cold" alert:lint

echo "== warm local repository, $RUNS runs each"
export MAVEN_OPTS=${MAVEN_OPTS:-}
for i in $(seq "$RUNS"); do
  run maven-only -o -Dmaven.repo.local="$WORK/m2-cold" -Dalert.skip=true alert:lint
  run lint -o -Dmaven.repo.local="$WORK/m2-cold" alert:lint
  run diff -o -Dmaven.repo.local="$WORK/m2-cold" alert:diff -Dalert.baseRef=main
  # the same JVM with C1 only: half of a cold compile's CPU goes to C2 (docs/benchmarks.md)
  MAVEN_OPTS="$MAVEN_OPTS -XX:TieredStopAtLevel=1" \
    run lint-c1 -o -Dmaven.repo.local="$WORK/m2-cold" alert:lint
  MAVEN_OPTS="$MAVEN_OPTS -XX:TieredStopAtLevel=1" \
    run diff-c1 -o -Dmaven.repo.local="$WORK/m2-cold" alert:diff -Dalert.baseRef=main
done
grep -h "Alerts in\|alert(s)\|changed" "$WORK/last.log" | head -5 || true

echo "== medians over $RUNS runs (wall / cpu seconds)"
for label in maven-only lint diff lint-c1 diff-c1; do
  grep "^$label " "$WORK/times" | awk '{print $2, $3}' | sort -n | awk -v l="$label" \
    '{w[NR]=$1; c[NR]=$2} END {m=int((NR+1)/2); printf "%-10s median wall %.2f s (min %.2f, max %.2f), cpu of that run %.2f s\n", l, w[m], w[1], w[NR], c[m]}'
done
echo "work directory: $WORK"
