#!/usr/bin/env bash
# The performance figures in one run, on the production-shaped file: parse MB/s on one and two threads under C2
# and Lambda's C1-only flags with Python's csv module beside (scripts/bench-parse.sh), the end-to-end embedded
# publish, the local ingest as a whole process under Lambda's flags with and without an AppCDS archive, and the
# packaged function run as Lambda runs it, with and without start-up priming. Nothing here is a test: it prints.
#
#   scripts/bench-performance.sh [baseline-revision]     e.g. bbfb105 for the parse figures side by side
#   BASELINE_ZIP=path/to/old/function.zip scripts/bench-performance.sh   adds that package's cold start beside
set -euo pipefail
cd "$(dirname "$0")/.."
BASELINE=${1:-}
FILE=target/data/pnl_82x25544_seed42.csv
RUNS=${RUNS:-5}

./mvnw -q package -DskipTests
./mvnw -q test-compile
if [ ! -f "$FILE" ]; then
  ./mvnw -q exec:java -Dexec.args="generate --out $FILE"
fi
run() { ./mvnw -q exec:java -Dexec.classpathScope=test "$@"; }

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "== parse (scripts/bench-parse.sh ${BASELINE})"
scripts/bench-parse.sh ${BASELINE:+"$BASELINE"}
echo "== end-to-end embedded publish (bench --runs $RUNS)"
run -Dexec.mainClass=io.heavyingest.cli.BenchMain -Dexec.args="bench --runs $RUNS --scale 1"
echo "== the local ingest as a whole process under Lambda's flags"
run -Dexec.mainClass=io.heavyingest.bench.WholeProcessBenchmark -Dexec.args="$FILE $RUNS 1024"
echo "== the packaged function as Lambda runs it (1024 MB): primed (SnapStart's init), opening in the background (an"
echo "   on-demand cold start's default), and neither"
run -Dexec.mainClass=io.heavyingest.function.PackagedFunctionRun \
  -Dexec.args="target/function.zip $FILE 1024 ingest variants=primed:-Dheavy-ingest.function.priming.mode=always;background:-Dheavy-ingest.function.priming.mode=background;never:-Dheavy-ingest.function.priming.mode=never repeat=5"
if [ -n "${BASELINE_ZIP:-}" ]; then
  echo "== the same for $BASELINE_ZIP"
  run -Dexec.mainClass=io.heavyingest.function.PackagedFunctionRun \
    -Dexec.args="$BASELINE_ZIP $FILE 1024 ingest variants=baseline: repeat=5"
fi
