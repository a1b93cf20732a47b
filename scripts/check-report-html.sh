#!/usr/bin/env bash
# Renders a sample compliance report to HTML and checks it in a real browser, headless Chromium:
#   1. writes target/report-sample/compliance.{json,html} (SampleReportMain, test scope: 82 days x 2,000
#      strategies, top 1,000 correlated, one failing target so both colours show);
#   2. installs Debian's chromium (and a font) with apt-get where it is absent (non-interactive; sudo when not root);
#   3. opens the page headless with networking features off and a fresh profile, saves a screenshot
#      (compliance.png) and the DOM after rendering (compliance.dom.html);
#   4. checks the DOM holds every chart element and the screenshot is not blank and shows the charts' colours
#      (scripts/ScreenshotCheck.java, run by the JDK's source launcher).
# Usage: scripts/check-report-html.sh [output folder]   (exit 0 when every check passes)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="$(mkdir -p "${1:-target/report-sample}" && cd "${1:-target/report-sample}" && pwd)"

echo "== rendering the sample report into $OUT"
./mvnw -q -B -ntp test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=io.heavyingest.report.SampleReportMain -Dexec.args="$OUT"

find_chromium() { command -v chromium || command -v chromium-browser || true; }
CHROME="$(find_chromium)"
if [ -z "$CHROME" ]; then
  echo "== installing Debian's chromium"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
  CHROME="$(find_chromium)"
  [ -n "$CHROME" ] || { echo "chromium is still not installed" >&2; exit 1; }
fi
echo "== $("$CHROME" --version 2>/dev/null || echo chromium)"

PROFILES=()
cleanup() { for p in "${PROFILES[@]}"; do rm -rf "$p"; done; }
trap cleanup EXIT
browse() {
  local profile
  profile="$(mktemp -d)"
  PROFILES+=("$profile")
  timeout 180 "$CHROME" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
    --user-data-dir="$profile" "$@" 2> >(grep -v -e 'dbus' -e 'Fontconfig' >&2 || true)
}

PAGE="file://$OUT/compliance.html"
echo "== screenshot and DOM"
browse --window-size=1200,3800 --screenshot="$OUT/compliance.png" "$PAGE"
browse --dump-dom "$PAGE" > "$OUT/compliance.dom.html"
[ -s "$OUT/compliance.png" ] || { echo "FAIL: no screenshot was written" >&2; exit 1; }

status=0
for id in verdict targets-chart target-line benchmark-table schema-table correlation-heatmap equity-curve \
          optimizer-table environment-table; do
  if grep -q "id=\"$id\"" "$OUT/compliance.dom.html"; then echo "ok   DOM has #$id"; else echo "FAIL DOM lacks #$id"; status=1; fi
done
if grep -qi -e 'http://' -e 'https://' "$OUT/compliance.html"; then echo "FAIL the page references the network"; status=1; fi

java scripts/ScreenshotCheck.java "$OUT/compliance.png" || status=1
echo "screenshot: $OUT/compliance.png"
exit $status
