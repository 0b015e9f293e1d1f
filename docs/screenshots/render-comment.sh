#!/usr/bin/env bash
# Screenshots a pull-request comment as a reader sees it: renders the comment's Markdown (diff.md)
# to HTML with commonmark-java and its GFM tables extension, then takes a PNG with headless
# Chromium (Debian: apt-get install chromium). A manual check, not part of the test suite.
#
#   docs/screenshots/render-comment.sh [diff.md] [out-dir]
#
# writes <out-dir>/comment.png (collapsed sections as the reader first sees them) and
# <out-dir>/comment-open.png (every section expanded), and the HTML pages beside them.
# Defaults: sample-repo/target/alerts/diff.md and target/comment-screenshots/.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
markdown=$(realpath "${1:-sample-repo/target/alerts/diff.md}")
out=$(mkdir -p "${2:-target/comment-screenshots}" && realpath "${2:-target/comment-screenshots}")
lib="$out/lib"
commonmark=0.21.0

mkdir -p "$lib"
for artifact in commonmark commonmark-ext-gfm-tables; do
  if [ ! -f "$lib/$artifact-$commonmark.jar" ]; then
    # from a directory without a pom, so that no project is read
    (cd "$lib" && mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact="org.commonmark:$artifact:$commonmark" -DoutputDirectory="$lib")
  fi
done

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "render-comment.sh: no chromium on PATH (Debian: apt-get install chromium)" >&2
  exit 1
fi

for view in closed open; do
  name=comment$([ "$view" = open ] && echo -open || true)
  java -cp "$lib/*" "$here/RenderComment.java" "$markdown" "$out/$name.html" "$view"
  # --no-sandbox: Chromium refuses to run as root with its sandbox, as in a CI container
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --screenshot="$out/$name.png" --window-size=1200,1600 "file://$out/$name.html" 2>/dev/null
  echo "$out/$name.png"
done
