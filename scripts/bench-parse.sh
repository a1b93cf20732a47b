#!/usr/bin/env bash
# Parse throughput side by side, in one run: this build and, optionally, a baseline git revision, each on one and
# two threads, under C2 and under Lambda's C1-only flags (-XX:TieredStopAtLevel=1 -XX:+UseSerialGC), alternating
# builds round after round so a busy machine hurts both alike; then Python's csv module on the same file. Prints
# the median of each figure over the rounds as a Markdown table.
#
#   scripts/bench-parse.sh [baseline-revision]      (ROUNDS=3 RUNS=9 PYTHON_RUNS=3 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
BASELINE=${1:-}
ROUNDS=${ROUNDS:-3}
RUNS=${RUNS:-9}
PYTHON_RUNS=${PYTHON_RUNS:-3}
FILE=target/data/pnl_82x25544_seed42.csv

./mvnw -q test-compile
./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/bench-parse.classpath -Dmdep.includeScope=test >/dev/null
DEPS=$(cat target/bench-parse.classpath)
CURRENT="target/classes:target/test-classes:$DEPS"
MAIN=io.heavyingest.bench.ParseThroughput
OUT=target/bench-parse.out
: > "$OUT"

if [ ! -f "$FILE" ]; then
  java -cp "$CURRENT" io.heavyingest.cli.Main generate --out "$FILE"
fi

BUILDS=("this-build|$CURRENT")
if [ -n "$BASELINE" ]; then
  # the baseline's main classes ahead of this build's on the class path (the benchmark uses only the public reader)
  BASE_DIR=target/bench-baseline
  rm -rf "$BASE_DIR" && mkdir -p "$BASE_DIR/src" "$BASE_DIR/classes"
  git archive "$BASELINE" src/main/java src/main/resources | tar -x -C "$BASE_DIR/src"
  javac -nowarn -proc:none -d "$BASE_DIR/classes" -cp "$DEPS" $(find "$BASE_DIR/src/src/main/java" -name '*.java')
  cp -r "$BASE_DIR/src/src/main/resources/." "$BASE_DIR/classes/"
  BUILDS=("baseline-$(git rev-parse --short "$BASELINE")|$BASE_DIR/classes:target/test-classes:$DEPS" "${BUILDS[@]}")
fi

for round in $(seq 1 "$ROUNDS"); do
  for flags in "" "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"; do
    for build in "${BUILDS[@]}"; do
      label=${build%%|*}
      cp=${build#*|}
      echo "round $round, $label ${flags:-(C2)}" >&2
      # shellcheck disable=SC2086
      java $flags -Xmx1g -cp "$cp" "$MAIN" --file "$FILE" --runs "$RUNS" --threads 1,2 --python-runs 0 \
        --label "$label" | tee -a "$OUT" | grep -v '^|' >&2
    done
  done
done
java -cp "$CURRENT" "$MAIN" --file "$FILE" --runs 1 --threads 1 --python-runs "$PYTHON_RUNS" --label python-only \
  | grep -v 'python-only' | tee -a "$OUT" | grep -v '^|' >&2
echo
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); shared with other builds: compare rows of this table only"
java -cp "$CURRENT" "$MAIN" --summarize "$OUT"
