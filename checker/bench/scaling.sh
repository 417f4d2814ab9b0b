#!/usr/bin/env bash
# Scaling benchmark: txguard's time on one method with N = 50..500 sequential ifs (analysis alone, and whole compiles
# with and without the checks). See docs/performance.md and dev.txguard.bench.ScalingBench.
#
# Arguments are passed to ScalingBench: [--sizes 50,100,200,300,400,500] [--reps 9] [--warmup 5] [--no-compile]
# Environment: KEEP=1 keeps the work directory; JAVA_OPTS adds JVM options (default: -Xms1g -Xmx1g).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CHECKER=$(cd "$HERE/.." && pwd)
ROOT=$(cd "$CHECKER/.." && pwd)
JAVA_OPTS=${JAVA_OPTS:--Xms1g -Xmx1g}
KEEP=${KEEP:-0}

WORK=$(mktemp -d /tmp/txguard-scaling.XXXXXX)
cleanup() { if [[ "$KEEP" != 1 ]]; then rm -rf "$WORK"; else echo "work directory kept: $WORK" >&2; fi; }
trap cleanup EXIT

if [[ ! -d "$CHECKER/target/classes/dev/txguard/analysis" ]]; then
  echo "[scaling] checker/target/classes missing: mvn -B -q -o -pl checker compile" >&2
  (cd "$ROOT" && mvn -B -q -o -pl checker compile)
fi
# A private copy of the checker classes, so that a concurrent rebuild cannot change them mid-run.
cp -r "$CHECKER/target/classes" "$WORK/checker-classes"

# Test-scope classpath of the checker module: error_prone_check_api and its dependencies.
(cd "$ROOT" && mvn -B -q -o -pl checker org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >"$WORK/mvn.log" 2>&1) \
  || { cat "$WORK/mvn.log" >&2; exit 1; }
CP="$WORK/checker-classes:$(cat "$WORK/cp.txt")"

OPENS=()
for p in api file main model parser processing tree util; do
  OPENS+=("--add-exports=jdk.compiler/com.sun.tools.javac.$p=ALL-UNNAMED")
done
OPENS+=("--add-opens=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED" "--add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED")

mkdir -p "$WORK/classes"
javac -d "$WORK/classes" --release 17 -cp "$CP" "$CHECKER/src/bench/java/dev/txguard/bench/ScalingBench.java"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086
java $JAVA_OPTS "${OPENS[@]}" -cp "$WORK/classes:$CP" dev.txguard.bench.ScalingBench "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
