#!/usr/bin/env bash
# Compile-overhead benchmark: how much longer a javac + Error Prone compile of a realistic corpus takes when the
# txguard checks are on the processor path too. See docs/performance.md.
#
# Two comparisons (MODE):
#   MODE=stock   (default) EP with its default checks, without and with the txguard jar on the processor path
#   MODE=txonly  issue 11 item 6: both runs have the txguard jar on the processor path; "none" is EP with every check
#                disabled (-XepDisableAllChecks), "txonly" the same plus only txguard's two default checks
#                (-Xep:UncommittedTransaction:WARN -Xep:UncommittedTransactionOnException:WARN). Target: CPU ratio of
#                the medians (txonly / none) at most 1.05.
# Two corpora (REAL):
#   REAL unset   the generated corpus (CLASSES, SEED below)
#   REAL=dbcp2   the sources of org.apache.commons:commons-dbcp2:2.13.0 (the most transaction-dense module of the
#                real-code corpus that compiles with a handful of dependencies: 41 begins in 25k lines), compiled
#                against its runtime dependencies; its -sources jar and classpath are resolved with Maven
#
# Environment knobs (all optional):
#   CLASSES=3000   number of generated classes (plus 5 shared infra types)
#   RUNS=5         timed runs per configuration; the two configurations alternate (ABBA order). Most of a javac
#                  run's CPU is JIT compilation, whose run-to-run variance on a 2-core machine exceeds txguard's
#                  cost on a small module (single pairs 0.95-1.20x on commons-dbcp2): use RUNS=15 there
#                  (docs/performance.md, "An index that rules out more")
#   WARMUP=1       untimed compiles (EP alone) before the timed ones, to warm the page cache
#   SEED=42        generator seed
#   WORK=<dir>     work directory (default: a fresh mktemp -d, deleted at the end unless KEEP=1)
#   KEEP=0         keep the work directory (corpus, logs, per-run times)
#   PROFILE=0      1: after the timed runs, one more EP+txguard compile under JFR, and the share of CPU samples
#                  that have a txguard frame on the stack
#   FLOOR=0        1 (MODE=txonly only): a third configuration in the rotation, EP with every check disabled but one
#                  that matches every method and class and does nothing (src/bench/.../NoOpCheck.java): the floor of
#                  running any check like txguard's, so that EP's own scanning is told apart from txguard's analysis
#   CHECKER_JAR    the checker jar to measure (default: the one in checker/target, built if missing)
#   JAVAC_JVM_OPTS extra -J options for the javac JVM (e.g. "-J-Xmx2g")
set -euo pipefail

CLASSES=${CLASSES:-3000}
RUNS=${RUNS:-5}
WARMUP=${WARMUP:-1}
SEED=${SEED:-42}
KEEP=${KEEP:-0}
MODE=${MODE:-stock}
FLOOR=${FLOOR:-0}
REAL=${REAL:-}
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

JAR=${CHECKER_JAR:-$(ls "$CHECKER"/target/txguard-checker-*-SNAPSHOT.jar 2>/dev/null | grep -v -- '-tests.jar' | head -1 || true)}
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

# ---------------------------------------------------------------- corpus

mkdir -p "$WORK/bench-classes"
javac -d "$WORK/bench-classes" "$BENCH_SRC/dev/txguard/bench/CorpusGenerator.java" "$BENCH_SRC/dev/txguard/bench/JfrShare.java"
case "$REAL" in
  "")
    CP=$(classpath_of jakarta.persistence jakarta.persistence-api "$JPA_VERSION")
    log "generating $CLASSES classes (seed $SEED) in $WORK/corpus"
    CORPUS_SUMMARY=$(java -cp "$WORK/bench-classes" dev.txguard.bench.CorpusGenerator "$WORK/corpus" "$CLASSES" "$SEED")
    ;;
  dbcp2)
    REAL_GAV=org.apache.commons:commons-dbcp2:2.13.0
    IFS=: read -r rg ra rv <<<"$REAL_GAV"
    # The module's dependencies, without the module's own jar (its classes are what we compile).
    CP=$(classpath_of "$rg" "$ra" "$rv" | tr ':' '\n' | grep -v "/$ra-$rv.jar" | paste -sd: -)
    SRC_JAR="$HOME/.m2/repository/${rg//.//}/$ra/$rv/$ra-$rv-sources.jar"
    [[ -f "$SRC_JAR" ]] || mvn -B -q "$DEP_PLUGIN:get" -Dartifact="$REAL_GAV:jar:sources" -Dtransitive=false >&2
    rm -rf "$WORK/corpus" && mkdir -p "$WORK/corpus/src"
    (cd "$WORK/corpus/src" && unzip -q "$SRC_JAR" '*.java')
    find "$WORK/corpus/src" -name '*.java' | LC_ALL=C sort >"$WORK/corpus/sources.txt"
    CORPUS_SUMMARY="$REAL_GAV sources: $(wc -l <"$WORK/corpus/sources.txt") files, $(xargs cat <"$WORK/corpus/sources.txt" | wc -l) lines"
    ;;
  *) log "unknown REAL=$REAL (known: dbcp2)"; exit 2 ;;
esac
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

COMMON=(--release 17 -encoding UTF-8 -XDcompilePolicy=simple --should-stop=ifError=FLOW -Xmaxwarns 1000000 -cp "$CP")
TX_CHECKS="-Xep:UncommittedTransaction:WARN -Xep:UncommittedTransactionOnException:WARN"
case "$MODE" in
  stock) A=ep; B=txguard; A_NAME="EP $EP_VERSION alone"; B_NAME="EP + txguard" ;;
  txonly) A=none; B=txonly; A_NAME="EP, all checks off"; B_NAME="EP, txguard's only" ;;
  *) log "unknown MODE=$MODE (stock, txonly)"; exit 2 ;;
esac
CONFIGS=("$A" "$B")
NOOP_PATH=
if [[ "$FLOOR" == 1 ]]; then
  [[ "$MODE" == txonly ]] || { log "FLOOR=1 needs MODE=txonly"; exit 2; }
  mkdir -p "$WORK/noop-classes/META-INF/services"
  javac -cp "$EP_PATH" -d "$WORK/noop-classes" "$BENCH_SRC/dev/txguard/bench/NoOpCheck.java"
  echo dev.txguard.bench.NoOpCheck >"$WORK/noop-classes/META-INF/services/com.google.errorprone.bugpatterns.BugChecker"
  (cd "$WORK/noop-classes" && jar cf "$WORK/noop.jar" .)
  NOOP_PATH=":$WORK/noop.jar" # on every configuration's processor path, so that they load the same classes
  CONFIGS=("$A" noop "$B")
fi

# compile <config> <tag> [extra -J...]: one javac run; prints "wall user sys" (seconds) on stdout.
compile() {
  local config=$1 tag=$2
  shift 2
  local pp out="$WORK/out-$tag" plugin="-Xplugin:ErrorProne"
  case "$config" in
    ep) pp="$EP_PATH" ;;
    txguard) pp="$EP_PATH:$JAR" ;;
    none) pp="$EP_PATH:$JAR$NOOP_PATH"; plugin="-Xplugin:ErrorProne -XepDisableAllChecks" ;;
    txonly) pp="$EP_PATH:$JAR$NOOP_PATH"; plugin="-Xplugin:ErrorProne -XepDisableAllChecks $TX_CHECKS" ;;
    noop) pp="$EP_PATH:$JAR$NOOP_PATH"; plugin="-Xplugin:ErrorProne -XepDisableAllChecks -Xep:NoOpCheck:WARN" ;;
  esac
  rm -rf "$out"
  mkdir -p "$out"
  local rc=0
  /usr/bin/time -f '%e %U %S' -o "$WORK/time-$tag.txt" \
    javac "${JFLAGS[@]}" ${EXTRA_J[@]+"${EXTRA_J[@]}"} "$@" "${COMMON[@]}" "$plugin" -processorpath "$pp" -d "$out" \
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
  log "warm-up $w/$WARMUP ($A_NAME, untimed)"
  compile "$A" "warmup-$w" >/dev/null
done

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
: >"$WORK/results.txt"
for ((i = 1; i <= RUNS; i++)); do
  # ABBA (or ACB BCA with the floor): each configuration as often first as last
  order=("${CONFIGS[@]}")
  if ((i % 2 == 0)); then
    order=()
    for ((k = ${#CONFIGS[@]} - 1; k >= 0; k--)); do order+=("${CONFIGS[k]}"); done
  fi
  for c in "${order[@]}"; do
    t=$(compile "$c" "$c-$i")
    echo "$c $i $t" >>"$WORK/results.txt"
    log "run $i/$RUNS $c: wall/user/sys = $t"
  done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# Sanity: txguard actually ran (its warnings appear only with it). A real module may have no finding: then only the
# absence of txguard warnings from the other configuration is checked.
TX_WARN=$(grep -Ec 'warning: \[UncommittedTransaction(OnException)?\]' "$WORK/log-$B-1.txt" || true)
TX_WARN_A=$(grep -Ec 'warning: \[UncommittedTransaction(OnException)?\]' "$WORK/log-$A-1.txt" || true)
A_WARN=$(grep -Ec 'warning: \[' "$WORK/log-$A-1.txt" || true)
if [[ ( "$TX_WARN" -eq 0 && -z "$REAL" ) || "$TX_WARN_A" -ne 0 ]]; then
  log "sanity check failed: txguard warnings with $B=$TX_WARN, with $A=$TX_WARN_A"
  KEEP=1
  exit 1
fi

# ---------------------------------------------------------------- report

median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'; }
col() { awk -v c="$1" -v k="$2" '$1==c {print $k}' "$WORK/results.txt"; }
cpu() { awk -v c="$1" '$1==c {printf "%.2f\n", $4+$5}' "$WORK/results.txt"; }

A_WALL=$(col "$A" 3 | median)
B_WALL=$(col "$B" 3 | median)
A_CPU=$(cpu "$A" | median)
B_CPU=$(cpu "$B" | median)
A_MIN=$(col "$A" 3 | sort -g | head -1)
B_MIN=$(col "$B" 3 | sort -g | head -1)
RATIO_WALL=$(awk -v a="$B_WALL" -v b="$A_WALL" 'BEGIN {printf "%.3f", a/b}')
RATIO_CPU=$(awk -v a="$B_CPU" -v b="$A_CPU" 'BEGIN {printf "%.3f", a/b}')
RATIO_MIN=$(awk -v a="$B_MIN" -v b="$A_MIN" 'BEGIN {printf "%.3f", a/b}')
# stock: the historical wall-time verdict; txonly: issue 11's CPU-time one
if [[ "$MODE" == txonly ]]; then HEADLINE=$RATIO_CPU; WHAT="median CPU"; else HEADLINE=$RATIO_WALL; WHAT="median wall"; fi
VERDICT=$(awk -v r="$HEADLINE" 'BEGIN {print (r <= 1.05 ? "within" : "ABOVE")}')

echo
echo "txguard compile-overhead benchmark, MODE=$MODE ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1))"
echo "corpus: $CORPUS_SUMMARY"
echo "runs per configuration: $RUNS (alternating), warm-up: $WARMUP; load average before: $LOAD_BEFORE, after: $LOAD_AFTER"
echo "warnings in run 1: txguard's $TX_WARN ($B_NAME), all Error Prone warnings with $A_NAME: $A_WARN"
echo
printf '%-22s %14s %12s %14s\n' "configuration" "median wall s" "min wall s" "median CPU s"
printf '%-22s %14s %12s %14s\n' "$A_NAME" "$A_WALL" "$A_MIN" "$A_CPU"
printf '%-22s %14s %12s %14s\n' "$B_NAME" "$B_WALL" "$B_MIN" "$B_CPU"
printf '%-22s %14s %12s %14s\n' "ratio ($B / $A)" "${RATIO_WALL}x" "${RATIO_MIN}x" "${RATIO_CPU}x"
if [[ "$FLOOR" == 1 ]]; then
  N_CPU=$(cpu noop | median)
  N_WALL=$(col noop 3 | median)
  printf '%-22s %14s %12s %14s\n' "EP, one no-op check" "$N_WALL" "$(col noop 3 | sort -g | head -1)" "$N_CPU"
  echo "floor (no-op / all off, median CPU): $(awk -v a="$N_CPU" -v b="$A_CPU" 'BEGIN {printf "%.3f", a/b}')x;" \
    "txguard's own (txguard's only / no-op, median CPU): $(awk -v a="$B_CPU" -v b="$N_CPU" 'BEGIN {printf "%.3f", a/b}')x"
fi
echo
echo "target: at most 1.05x ($WHAT): $VERDICT"
echo
echo "per run (config run wall user sys; CPU ratio of each pair):"
sed 's/^/  /' "$WORK/results.txt"
awk -v a="$A" -v b="$B" '$1==a {ca[$2]=$4+$5} $1==b {cb[$2]=$4+$5} END {for (i in ca) if (i in cb) printf "  pair %s: %.3f\n", i, cb[i]/ca[i]}' "$WORK/results.txt" | sort -k2 -n

if [[ "$PROFILE" == 1 ]]; then
  echo
  echo "profile: one $B_NAME compile under JFR (settings=profile)"
  compile "$B" profile "-J-XX:StartFlightRecording=filename=$WORK/txguard.jfr,settings=profile" >/dev/null
  java -cp "$WORK/bench-classes" dev.txguard.bench.JfrShare "$WORK/txguard.jfr" 15
fi
