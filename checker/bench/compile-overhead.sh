#!/usr/bin/env bash
# Compile-overhead benchmark: how much longer a javac + Error Prone compile of a realistic corpus takes when the
# txguard checks are on the processor path too. See docs/performance.md.
#
# Environment knobs (all optional):
#   CLASSES=3000   number of generated classes (plus 5 shared infra types)
#   RUNS=5         timed runs per configuration; the two configurations alternate (ABBA order)
#   WARMUP=1       untimed compiles (EP alone) before the timed ones, to warm the page cache
#   SEED=42        generator seed
#   WORK=<dir>     work directory (default: a fresh mktemp -d, deleted at the end unless KEEP=1)
#   KEEP=0         keep the work directory (corpus, logs, per-run times)
#   PROFILE=0      1: after the timed runs, one more EP+txguard compile under JFR, and the share of CPU samples
#                  that have a txguard frame on the stack
#   JAVAC_JVM_OPTS extra -J options for the javac JVM (e.g. "-J-Xmx2g")
set -euo pipefail

CLASSES=${CLASSES:-3000}
RUNS=${RUNS:-5}
WARMUP=${WARMUP:-1}
SEED=${SEED:-42}
KEEP=${KEEP:-0}
PROFILE=${PROFILE:-0}
JAVAC_JVM_OPTS=${JAVAC_JVM_OPTS:-}
EP_VERSION=2.42.0
JPA_VERSION=3.1.0
DEP_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.11.0

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CHECKER=$(cd "$HERE/.." && pwd)
ROOT=$(cd "$CHECKER/.." && pwd)
BENCH_SRC="$CHECKER/src/bench/java"

if [[ -n "${WORK:-}" ]]; then
  mkdir -p "$WORK"
else
  WORK=$(mktemp -d /tmp/txguard-bench.XXXXXX)
fi
cleanup() {
  if [[ "$KEEP" != 1 ]]; then
    rm -rf "$WORK"
  else
    echo "work directory kept: $WORK"
  fi
}
trap cleanup EXIT

log() { echo "[compile-overhead] $*" >&2; }

# ---------------------------------------------------------------- jars

JAR=$(ls "$CHECKER"/target/txguard-checker-*-SNAPSHOT.jar 2>/dev/null | grep -v -- '-tests.jar' | head -1 || true)
if [[ -z "$JAR" ]]; then
  log "no checker jar in checker/target: mvn -B -q -o -pl checker package -DskipTests"
  (cd "$ROOT" && mvn -B -q -o -pl checker package -DskipTests)
  JAR=$(ls "$CHECKER"/target/txguard-checker-*-SNAPSHOT.jar | grep -v -- '-tests.jar' | head -1)
fi
# A private copy, so that a concurrent `mvn clean` cannot pull it away mid-run.
cp "$JAR" "$WORK/txguard-checker.jar"
JAR="$WORK/txguard-checker.jar"

# Resolves the runtime classpath of one artifact through a throwaway pom (offline first, then online).
classpath_of() {
  local g=$1 a=$2 v=$3 dir="$WORK/pom-$2"
  mkdir -p "$dir"
  cat >"$dir/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench.tmp</groupId><artifactId>$a-cp</artifactId><version>1</version><packaging>pom</packaging>
  <dependencies><dependency><groupId>$g</groupId><artifactId>$a</artifactId><version>$v</version></dependency></dependencies>
</project>
EOF
  if ! (cd "$dir" && mvn -B -q -o "$DEP_PLUGIN:build-classpath" -Dmdep.outputFile="$dir/cp.txt" >"$dir/mvn.log" 2>&1); then
    (cd "$dir" && mvn -B -q "$DEP_PLUGIN:build-classpath" -Dmdep.outputFile="$dir/cp.txt" >"$dir/mvn.log" 2>&1) \
      || { cat "$dir/mvn.log" >&2; exit 1; }
  fi
  cat "$dir/cp.txt"
}
EP_PATH=$(classpath_of com.google.errorprone error_prone_core "$EP_VERSION")
JPA_PATH=$(classpath_of jakarta.persistence jakarta.persistence-api "$JPA_VERSION")

# ---------------------------------------------------------------- corpus

log "generating $CLASSES classes (seed $SEED) in $WORK/corpus"
mkdir -p "$WORK/bench-classes"
javac -d "$WORK/bench-classes" "$BENCH_SRC/dev/txguard/bench/CorpusGenerator.java" "$BENCH_SRC/dev/txguard/bench/JfrShare.java"
CORPUS_SUMMARY=$(java -cp "$WORK/bench-classes" dev.txguard.bench.CorpusGenerator "$WORK/corpus" "$CLASSES" "$SEED")
log "$CORPUS_SUMMARY"

# ---------------------------------------------------------------- configurations

# The javac launcher runs Error Prone in its own JVM: the flags from docs/toolchain (.mvn/jvm.config) as -J options.
JFLAGS=()
for p in api file main model parser processing tree util; do
  JFLAGS+=("-J--add-exports=jdk.compiler/com.sun.tools.javac.$p=ALL-UNNAMED")
done
JFLAGS+=("-J--add-opens=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED" "-J--add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED")
# shellcheck disable=SC2206
EXTRA_J=($JAVAC_JVM_OPTS)

COMMON=(--release 17 -encoding UTF-8 -XDcompilePolicy=simple --should-stop=ifError=FLOW -Xplugin:ErrorProne
  -Xmaxwarns 1000000 -cp "$JPA_PATH")

# compile <config> <tag> [extra -J...]: one javac run; prints "wall user sys" (seconds) on stdout.
compile() {
  local config=$1 tag=$2
  shift 2
  local pp out="$WORK/out-$tag"
  case "$config" in
    ep) pp="$EP_PATH" ;;
    txguard) pp="$EP_PATH:$JAR" ;;
  esac
  rm -rf "$out"
  mkdir -p "$out"
  local rc=0
  /usr/bin/time -f '%e %U %S' -o "$WORK/time-$tag.txt" \
    javac "${JFLAGS[@]}" ${EXTRA_J[@]+"${EXTRA_J[@]}"} "$@" "${COMMON[@]}" -processorpath "$pp" -d "$out" \
    @"$WORK/corpus/sources.txt" >"$WORK/log-$tag.txt" 2>&1 || rc=$?
  if [[ $rc -ne 0 ]]; then
    log "javac failed ($config, $tag), rc=$rc; last lines of $WORK/log-$tag.txt:"
    tail -30 "$WORK/log-$tag.txt" >&2
    KEEP=1
    exit 1
  fi
  rm -rf "$out"
  cat "$WORK/time-$tag.txt"
}

count() { grep -c "$1" "$2" || true; }

for ((w = 1; w <= WARMUP; w++)); do
  log "warm-up $w/$WARMUP (EP alone, untimed)"
  compile ep "warmup-$w" >/dev/null
done

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
: >"$WORK/results.txt"
for ((i = 1; i <= RUNS; i++)); do
  if ((i % 2 == 1)); then order=(ep txguard); else order=(txguard ep); fi
  for c in "${order[@]}"; do
    t=$(compile "$c" "$c-$i")
    echo "$c $i $t" >>"$WORK/results.txt"
    log "run $i/$RUNS $c: wall/user/sys = $t"
  done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# Sanity: txguard actually ran (its warnings appear only with it), and the stock checks ran in both.
TX_WARN=$(grep -Ec 'warning: \[UncommittedTransaction(OnException)?\]' "$WORK/log-txguard-1.txt" || true)
TX_WARN_EP=$(grep -Ec 'warning: \[UncommittedTransaction(OnException)?\]' "$WORK/log-ep-1.txt" || true)
EP_WARN=$(grep -Ec 'warning: \[' "$WORK/log-ep-1.txt" || true)
if [[ "$TX_WARN" -eq 0 || "$TX_WARN_EP" -ne 0 ]]; then
  log "sanity check failed: txguard warnings with txguard=$TX_WARN, without=$TX_WARN_EP"
  KEEP=1
  exit 1
fi

# ---------------------------------------------------------------- report

median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'; }
col() { awk -v c="$1" -v k="$2" '$1==c {print $k}' "$WORK/results.txt"; }
cpu() { awk -v c="$1" '$1==c {printf "%.2f\n", $4+$5}' "$WORK/results.txt"; }

EP_WALL=$(col ep 3 | median)
TX_WALL=$(col txguard 3 | median)
EP_CPU=$(cpu ep | median)
TX_CPU=$(cpu txguard | median)
EP_MIN=$(col ep 3 | sort -g | head -1)
TX_MIN=$(col txguard 3 | sort -g | head -1)
RATIO_WALL=$(awk -v a="$TX_WALL" -v b="$EP_WALL" 'BEGIN {printf "%.3f", a/b}')
RATIO_CPU=$(awk -v a="$TX_CPU" -v b="$EP_CPU" 'BEGIN {printf "%.3f", a/b}')
RATIO_MIN=$(awk -v a="$TX_MIN" -v b="$EP_MIN" 'BEGIN {printf "%.3f", a/b}')
VERDICT=$(awk -v r="$RATIO_WALL" 'BEGIN {print (r <= 1.05 ? "within" : "ABOVE")}')

echo
echo "txguard compile-overhead benchmark ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1))"
echo "corpus: $CORPUS_SUMMARY"
echo "runs per configuration: $RUNS (alternating), warm-up: $WARMUP; load average before: $LOAD_BEFORE, after: $LOAD_AFTER"
echo "warnings in run 1: txguard's $TX_WARN (EP+txguard), all Error Prone warnings with EP alone: $EP_WARN"
echo
printf '%-22s %14s %12s %14s\n' "configuration" "median wall s" "min wall s" "median CPU s"
printf '%-22s %14s %12s %14s\n' "EP $EP_VERSION alone" "$EP_WALL" "$EP_MIN" "$EP_CPU"
printf '%-22s %14s %12s %14s\n' "EP + txguard" "$TX_WALL" "$TX_MIN" "$TX_CPU"
printf '%-22s %14s %12s %14s\n' "ratio (EP+tx / EP)" "${RATIO_WALL}x" "${RATIO_MIN}x" "${RATIO_CPU}x"
echo
echo "target: at most 1.05x (median wall): $VERDICT"
echo
echo "per run (config run wall user sys):"
sed 's/^/  /' "$WORK/results.txt"

if [[ "$PROFILE" == 1 ]]; then
  echo
  echo "profile: one EP+txguard compile under JFR (settings=profile)"
  compile txguard profile "-J-XX:StartFlightRecording=filename=$WORK/txguard.jfr,settings=profile" >/dev/null
  java -cp "$WORK/bench-classes" dev.txguard.bench.JfrShare "$WORK/txguard.jfr" 15
fi
