#!/usr/bin/env bash
# Recall on real code by mutation (issue 12 item 4). In the real-code corpus (the pinned projects of real-code.sh),
# takes the methods that begin AND end a transaction and get no finding, removes one end call at a time (each commit,
# rollback, other end of the table, and each call of a same-file end wrapper), audits every mutant and records whether
# a finding appears in the mutated method. docs/precision.md reads every mutant that is not reported.
#
# Usage: checker/bench/recall-mutants.sh [PROJECT-NAME...]     (default: every project of real-code.sh)
# Environment:
#   TXGUARD_BENCH_WORK   the real-code work directory whose src/NAME holds each unpacked sources jar (default:
#                        checker/target/real-code; a missing project is fetched and unpacked as real-code.sh does)
#   TXGUARD_BENCH_REPO   Maven local repository for the -sources jars (default: ~/.m2/repository)
#   RECALL_WORK          where mutants and reports go (default: checker/target/recall); wiped per project
#   TXGUARD_JAR          the CLI jar (default: checker/target/txguard-checker-*-cli.jar; built if missing)
#   THREADS              audit worker threads (default: 2);  FILE_TIME_LIMIT  seconds per file (default: 600)
#   RECALL_ONLY          an extended regular expression: only files whose path matches it (default: all)
#   MAX_PER_FILE         mutants kept per file, evenly spaced (default: 8): each batch audits its files whole, so
#                        Hive's 15,000-line ObjectStore.java with its 230 mutants would take hours otherwise
#
# How: checker/bench/RecallMutants.java (run by the java launcher with the CLI jar, which carries JavaParser, on the
# class path) finds the candidate methods by the contract's begin and end names and writes, per project, the unchanged
# candidate files under ctl/ and mutant number k of each file under bK/, every file at its own relative path. Each of
# these directories is then completed into the whole project: every other source file of the project is symlinked in
# (cp -rsn), so the directory is the project's source tree with the batch's files overlaid. One audit JVM per directory
# audits that tree as one module (a wrapper's body in any file of the project is read, as for a user auditing the whole
# project) and analyses only the batch's own files (`--only`, a documented audit option: the other files are indexed
# and their bodies read on demand, never analysed or reported), which keeps a batch at the cost of its own files plus
# a syntax-only parse of the rest. --include-tests: a sources jar's `test` packages are main code. ctl's findings
# decide which methods "get no finding"; a mutant counts only in such a method. recall_report.py joins mutants and
# SARIF reports into RECALL_WORK/results.tsv and prints the table; RECALL_WORK/unreported.txt shows each unreported
# mutant's method with the removed statement marked.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CHECKER=$(cd "$HERE/.." && pwd)
ROOT=$(cd "$CHECKER/.." && pwd)
BENCH=${TXGUARD_BENCH_WORK:-$CHECKER/target/real-code}
REPO=${TXGUARD_BENCH_REPO:-$HOME/.m2/repository}
WORK=${RECALL_WORK:-$CHECKER/target/recall}
THREADS=${THREADS:-2}
FILE_TIME_LIMIT=${FILE_TIME_LIMIT:-600}
MAX_PER_FILE=${MAX_PER_FILE:-8}
RULES=UncommittedTransaction,UncommittedTransactionOnException,TransactionEndedByClose
BEGIN_RE='setAutoCommit|beginTransaction|startTransaction|\bbegin[[:space:]]*\(|getTransaction[[:space:]]*\(|openSession[[:space:]]*\(|\bmulti[[:space:]]*\('
END_RE='commit|rollback|Transaction[[:space:]]*\(|\bexec[[:space:]]*\(|discard[[:space:]]*\(|\bend[[:space:]]*\('

# The corpus is real-code.sh's, pinned there: "name groupId:artifactId:version" lines of its PROJECTS array.
mapfile -t PROJECTS < <(sed -n '/^PROJECTS=(/,/^)/p' "$HERE/real-code.sh" | sed -n 's/^ *"\([^"]*\)".*/\1/p')

JAR=${TXGUARD_JAR:-$(ls "$CHECKER"/target/txguard-checker-*-cli.jar 2>/dev/null | head -1 || true)}
if [[ -z "$JAR" || ! -f "$JAR" ]]; then
  echo "[recall] building the CLI jar" >&2
  (cd "$ROOT" && mvn -B -q -pl checker -am package -DskipTests -Dinvoker.skip=true)
  JAR=$(ls "$CHECKER"/target/txguard-checker-*-cli.jar | head -1)
fi
mkdir -p "$WORK"
cp "$JAR" "$WORK/txguard-cli.jar" # a private copy: a concurrent rebuild cannot change it mid-run
# Compile the generator once (the launcher would recompile it per project).
mkdir -p "$WORK/classes"
javac -nowarn -d "$WORK/classes" -cp "$WORK/txguard-cli.jar" "$HERE/RecallMutants.java" 2>/dev/null \
  || javac -d "$WORK/classes" -cp "$WORK/txguard-cli.jar" "$HERE/RecallMutants.java"

selected=("$@")
wanted() { [[ ${#selected[@]} -eq 0 ]] && return 0; local s; for s in "${selected[@]}"; do [[ "$s" == "$1" ]] && return 0; done; return 1; }

unpack() { # unpack NAME GAV: the sources under $BENCH/src/NAME, as real-code.sh leaves them
  local name=$1 gav=$2 g a v dir=$BENCH/src/$1
  [[ -f "$dir/.unpacked" ]] && return 0
  IFS=: read -r g a v <<<"$gav"
  local jar="$REPO/${g//.//}/$a/$v/$a-$v-sources.jar"
  if [[ ! -f "$jar" ]]; then
    mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.11.0:get -Dtransitive=false \
      -Dartifact="$gav:jar:sources" -Dmaven.repo.local="$REPO" >&2 || { echo "[recall] cannot fetch $gav" >&2; return 1; }
  fi
  rm -rf "$dir" && mkdir -p "$dir"
  (cd "$dir" && unzip -q -o "$jar" '*.java' && touch .unpacked)
}

audit() { # audit DIR SARIF SRC: DIR's own files, in the module of SRC's tree with DIR's files overlaid
  local dir=$1 sarif=$2 src=$3 rc
  local list only=()
  mapfile -t list < <(cd "$dir" && find . -name '*.java' -type f | LC_ALL=C sort)
  for f in "${list[@]}"; do only+=(--only "$f"); done
  cp -rsn "$(cd "$src" && pwd)/." "$dir/" # the rest of the project, as links; the batch's own files are kept
  set +e
  (cd "$dir" && java -Xmx2g -jar "$WORK/txguard-cli.jar" audit --threads "$THREADS" --file-time-limit "$FILE_TIME_LIMIT" \
      --rules "$RULES" --include-tests --format sarif -o "$sarif" "${only[@]}" . >/dev/null 2>"$sarif.stderr")
  rc=$?
  set -e
  # 1: findings; 0: none. Anything else is a usage error or nothing analysed: stop, the numbers would be wrong.
  if [[ $rc -ne 0 && $rc -ne 1 ]]; then echo "[recall] audit of $dir: exit $rc" >&2; cat "$sarif.stderr" >&2; exit 1; fi
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
START=$(date +%s)
for p in "${PROJECTS[@]}"; do
  read -r name gav <<<"$p"
  wanted "$name" || continue
  unpack "$name" "$gav"
  src=$BENCH/src/$name
  out=$WORK/$name
  rm -rf "$out" && mkdir -p "$out"
  (cd "$src" && find . -name '*.java' | LC_ALL=C sort | tr '\n' '\0' | xargs -0 grep -lE "$BEGIN_RE" \
     | tr '\n' '\0' | xargs -0 -r grep -lE "$END_RE" | grep -E "${RECALL_ONLY:-.}" | LC_ALL=C sort >"$out/files" || true)
  mapfile -t files <"$out/files"
  if [[ ${#files[@]} -eq 0 ]]; then
    : >"$out/mutants.tsv"; : >"$out/skipped.tsv"
    echo "[recall] $name: no file begins and ends" >&2
    continue
  fi
  java -DmaxPerFile="$MAX_PER_FILE" -cp "$WORK/classes:$WORK/txguard-cli.jar" RecallMutants "$src" "$out" "${files[@]}"
  t0=$(date +%s)
  for dir in "$out"/ctl "$out"/b*; do
    [[ -d "$dir" ]] || continue
    audit "$dir" "$out/$(basename "$dir").sarif" "$src"
  done
  echo "[recall] $name: $(wc -l <"$out/mutants.tsv") mutants in $(find "$out" -mindepth 1 -maxdepth 1 -type d -name 'b*' | wc -l) batches, $(( $(date +%s) - t0 )) s" >&2
done
END=$(date +%s)
python3 "$HERE/recall_report.py" "$WORK" "$BENCH/src"
echo "total wall time: $((END - START)) s; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
