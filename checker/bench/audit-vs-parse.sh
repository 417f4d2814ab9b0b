#!/usr/bin/env bash
# Source audit against parse-only: `txguard audit` of the JDK's java.base sources (src.zip of a JDK) against parsing
# the same files with JavaParser alone, same thread count, alternating in the same run. See docs/performance.md, "3.
# Source audit", and dev.txguard.bench.ParseOnly.
#
# Environment:
#   RUNS=3        timed runs of each (parse-only and audit alternate: P A, A P, P A, ...)
#   THREADS=2     --threads of the audit = pool size of the parse-only run
#   XMX=1g        -Xmx of both JVMs
#   SRC_ZIP=...   default /usr/lib/jvm/temurin-25-jdk-amd64/lib/src.zip;  MODULE=java.base
#   WORK=dir      keep the unzipped sources, logs and the JFR there (reused on the next run); default: a temp dir, removed
#   PROFILE=auto  analyse the JFR of the warm-up audit when a target is missed (1: always, 0: never)
# Targets: audit median wall <= 1.3x parse-only median wall; audit heap after GC < 1 GiB.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CHECKER=$(cd "$HERE/.." && pwd)
ROOT=$(cd "$CHECKER/.." && pwd)
RUNS=${RUNS:-3}
THREADS=${THREADS:-2}
XMX=${XMX:-1g}
SRC_ZIP=${SRC_ZIP:-/usr/lib/jvm/temurin-25-jdk-amd64/lib/src.zip}
MODULE=${MODULE:-java.base}
PROFILE=${PROFILE:-auto}
RATIO_TARGET=1.3
HEAP_TARGET_MB=1024

if [[ -n "${WORK:-}" ]]; then
  mkdir -p "$WORK"
  WORK=$(cd "$WORK" && pwd)
else
  WORK=$(mktemp -d /tmp/txguard-audit-vs-parse.XXXXXX)
  trap 'rm -rf "$WORK"' EXIT
fi
log() { echo "[audit-vs-parse] $*" >&2; }

# The cli jar, copied so that a concurrent rebuild cannot change it mid-run.
jars=("$CHECKER"/target/txguard-checker-*-cli.jar)
if [[ ! -e "${jars[0]}" ]]; then
  log "building the cli jar"
  (cd "$ROOT" && mvn -B -q -o -pl checker package -DskipTests -Dinvoker.skip=true)
  jars=("$CHECKER"/target/txguard-checker-*-cli.jar)
fi
JAR="$WORK/txguard-cli.jar"
cp "${jars[0]}" "$JAR"

SRC="$WORK/src"
if [[ ! -d "$SRC/$MODULE" ]]; then
  log "unzipping $MODULE/* from $SRC_ZIP"
  rm -rf "$SRC"
  unzip -q "$SRC_ZIP" "$MODULE/*" -d "$SRC"
fi
DIR="$SRC/$MODULE"
FILES=$(find "$DIR" -name '*.java' -type f | wc -l)
LINES=$(find "$DIR" -name '*.java' -type f -print0 | xargs -0 cat | wc -l)

mkdir -p "$WORK/classes" "$WORK/logs"
javac -d "$WORK/classes" --release 17 -cp "$JAR" \
  "$CHECKER/src/bench/java/dev/txguard/bench/ParseOnly.java" \
  "$CHECKER/src/bench/java/dev/txguard/bench/ParseOnlyJfrTop.java"

# Heap: from the unified GC log (-Xlog:gc), the largest heap occupancy after any collection, the largest after a
# full collection (what is strongly reachable at that point: soft references are cleared first), and the number of
# full collections. Prints "max_after_gc_mb max_after_full_mb full_gcs".
heap_of() {
  awk '
    /Pause/ && match($0, /[0-9]+M->[0-9]+M\([0-9]+M\)/) {
      s = substr($0, RSTART, RLENGTH); split(s, a, /M->|M\(/); after = a[2] + 0
      if (after > m) m = after
      if ($0 ~ /Pause Full/) { full++; if (after > mf) mf = after }
    }
    END { printf "%d %d %d\n", m, mf + 0, full + 0 }' "$1"
}
# Wall seconds, user+sys seconds and max RSS (MB) from /usr/bin/time -v.
time_of() {
  awk -F': ' '
    /Elapsed/ { n = split($2, t, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + t[i] }
    /User time/ { u = $2 } /System time/ { s = $2 }
    /Maximum resident/ { r = $2 / 1024 }
    END { printf "%.2f %.2f %d\n", w, u + s, r }' "$1"
}

run_parse() { # $1 = run id
  local id=$1
  /usr/bin/time -v -o "$WORK/logs/parse-$id.time" \
    java "-Xmx$XMX" "-Xlog:gc:file=$WORK/logs/parse-$id.gc" -cp "$WORK/classes:$JAR" dev.txguard.bench.ParseOnly \
    "$DIR" "$THREADS" >"$WORK/logs/parse-$id.out" 2>&1 || { cat "$WORK/logs/parse-$id.out" >&2; exit 1; }
}
run_audit() { # $1 = run id, $2 = format, $3 = output, rest: extra JVM options
  local id=$1 format=$2 out=$3 rc=0
  shift 3
  /usr/bin/time -v -o "$WORK/logs/audit-$id.time" \
    java "-Xmx$XMX" "-Xlog:gc:file=$WORK/logs/audit-$id.gc" "$@" -jar "$JAR" audit "$DIR" --threads "$THREADS" \
    --format "$format" --output "$out" >"$WORK/logs/audit-$id.out" 2>&1 || rc=$?
  if [[ $rc -ne 0 && $rc -ne 1 ]]; then
    log "audit run $id failed with exit $rc"; cat "$WORK/logs/audit-$id.out" >&2; exit 1
  fi
}

log "$FILES files, $LINES lines in $DIR; $THREADS threads, -Xmx$XMX, $RUNS runs each"
log "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# Warm-up (untimed, page cache and the report checks): a text-format audit under JFR.
log "warm-up: text-format audit under JFR"
run_audit warmup text "$WORK/report.txt" -XX:+FlightRecorder \
  "-XX:StartFlightRecording=filename=$WORK/audit.jfr,settings=profile"
INTERNAL=$(grep -c "internal error" "$WORK/report.txt" || true)
SUMMARY=$(tail -n 1 "$WORK/report.txt")

pw=(); aw=(); ah=(); ph=(); pc=(); ac=()
for ((i = 1; i <= RUNS; i++)); do
  if ((i % 2)); then order="parse audit"; else order="audit parse"; fi
  for what in $order; do
    log "run $i: $what"
    if [[ $what == parse ]]; then run_parse "$i"; else run_audit "$i" sarif /dev/null; fi
  done
  read -r w c r <<<"$(time_of "$WORK/logs/parse-$i.time")"; read -r hm hf fg <<<"$(heap_of "$WORK/logs/parse-$i.gc")"
  pw+=("$w"); ph+=("$hm"); pc+=("$c")
  printf 'run %d parse-only: wall %6.2f s  cpu %7.2f s  rss %5d MB  heap after GC max %5d MB, after full GC max %5d MB, %d full GCs\n' \
    "$i" "$w" "$c" "$r" "$hm" "$hf" "$fg"
  read -r w c r <<<"$(time_of "$WORK/logs/audit-$i.time")"; read -r hm hf fg <<<"$(heap_of "$WORK/logs/audit-$i.gc")"
  aw+=("$w"); ah+=("$hm"); ac+=("$c")
  printf 'run %d audit:      wall %6.2f s  cpu %7.2f s  rss %5d MB  heap after GC max %5d MB, after full GC max %5d MB, %d full GCs\n' \
    "$i" "$w" "$c" "$r" "$hm" "$hf" "$fg"
done
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
PW=$(median "${pw[@]}"); AW=$(median "${aw[@]}"); AH=$(median "${ah[@]}"); PH=$(median "${ph[@]}")
AHMAX=$(printf '%s\n' "${ah[@]}" | sort -g | tail -n 1)
RATIO=$(awk -v a="$AW" -v p="$PW" 'BEGIN { printf "%.2f", a / p }')
PC=$(median "${pc[@]}"); AC=$(median "${ac[@]}")
CPU_RATIO=$(awk -v a="$AC" -v p="$PC" 'BEGIN { printf "%.2f", a / p }')
echo
echo "median wall: parse-only $PW s, audit $AW s, ratio ${RATIO}x (target <= ${RATIO_TARGET}x)"
# CPU time is the steadier figure when other work shares the cores: it does not count time spent waiting to run.
echo "median CPU (user+sys): parse-only $PC s, audit $AC s, ratio ${CPU_RATIO}x"
echo "heap after GC (max per run, median of runs): parse-only $PH MB, audit $AH MB (largest run $AHMAX MB; target < $HEAP_TARGET_MB MB with -Xmx$XMX)"
echo "warm-up text run: $SUMMARY; lines with \"internal error\": $INTERNAL"
MISSED=$(awk -v r="$RATIO" -v t="$RATIO_TARGET" -v h="$AHMAX" -v ht="$HEAP_TARGET_MB" 'BEGIN { print (r > t || h >= ht * 0.98) ? 1 : 0 }')
if [[ $MISSED == 1 ]]; then echo "TARGET MISSED"; else echo "targets met"; fi
if [[ $PROFILE == 1 || ($PROFILE == auto && $MISSED == 1) ]]; then
  echo
  echo "profile of the warm-up audit ($WORK/audit.jfr):"
  java -cp "$WORK/classes" dev.txguard.bench.ParseOnlyJfrTop "$WORK/audit.jfr" 25
fi
