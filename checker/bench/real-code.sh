#!/usr/bin/env bash
# Real-code benchmark: audits the published sources of open-source projects with hand-written transaction code
# (JDBC stores, workflow engines, ORMs, schema tools), pinned below, and prints per project the lines of Java,
# the time, the findings per rule, the problems and the methods not fully analysed. docs/precision.md reads
# every default-rule finding of this corpus one by one.
#
# Usage: checker/bench/real-code.sh [PROJECT-NAME...]     (default: every project below)
# Environment:
#   TXGUARD_BENCH_WORK   work directory (default: checker/target/real-code); sources are unpacked under src/,
#                        reports written under out/
#   TXGUARD_BENCH_REPO   Maven local repository to read (and download) the -sources jars (default: ~/.m2/repository)
#   TXGUARD_BENCH_ALL=1  audit every file of each project, not only the files that can begin a transaction (below)
#   TXGUARD_JAR          the CLI jar (default: checker/target/txguard-checker-*-cli.jar; built if missing)
#   THREADS              audit worker threads (default: 2)
#   FILE_TIME_LIMIT      the audit's --file-time-limit in seconds (default: 600, not the product's 60: on a loaded
#                        machine Hive's 12,000-line ObjectStore.java needs more, and its findings belong to the corpus;
#                        set 60 to see what a user with the default gets)
# Outputs in the work directory: out/NAME.sarif per project, summary.tsv (the table printed) and findings.tsv
# (one line per finding: project, file:line, rule, begin line, method, message), the list docs/precision.md is built from.
#
# Which files: a finding needs a begin in the method or a call of a same-file begin wrapper, so only files whose text
# can begin a transaction under the contract (setAutoCommit, begin(), beginTransaction(), startTransaction(),
# getTransaction(..), openSession(..), multi()) are given to the audit; the rest of each jar stays on disk as a
# source root, so its types still resolve. That keeps the run within minutes on 2 cores. Set TXGUARD_BENCH_ALL=1
# once module-wide summaries make callers in other files matter.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CHECKER=$(cd "$HERE/.." && pwd)
ROOT=$(cd "$CHECKER/.." && pwd)
WORK=${TXGUARD_BENCH_WORK:-$CHECKER/target/real-code}
REPO=${TXGUARD_BENCH_REPO:-$HOME/.m2/repository}
THREADS=${THREADS:-2}
FILE_TIME_LIMIT=${FILE_TIME_LIMIT:-600}
BEGIN_RE='setAutoCommit|beginTransaction|startTransaction|\bbegin[[:space:]]*\(|getTransaction[[:space:]]*\(|openSession[[:space:]]*\(|\bmulti[[:space:]]*\('

# name  groupId:artifactId:version  (pinned; -sources jars on Maven Central)
PROJECTS=(
  "quartz                 org.quartz-scheduler:quartz:2.5.2"
  "spring-jdbc            org.springframework:spring-jdbc:6.2.19"
  "spring-orm             org.springframework:spring-orm:6.2.19"
  "mybatis                org.mybatis:mybatis:3.5.19"
  "jdbi3-core             org.jdbi:jdbi3-core:3.49.6"
  "ebean-core             io.ebean:ebean-core:15.11.0"
  "cayenne-server         org.apache.cayenne:cayenne-server:4.2.2"
  "empire-db              org.apache.empire-db:empire-db:3.2.0"
  "camunda-engine         org.camunda.bpm:camunda-engine:7.22.0"
  "flowable-engine-common org.flowable:flowable-engine-common:7.1.0"
  "activiti-engine        org.activiti:activiti-engine:5.23.0"
  "keycloak-model-jpa     org.keycloak:keycloak-model-jpa:26.0.5"
  "hive-metastore-server  org.apache.hive:hive-standalone-metastore-server:4.0.1"
  "oak-store-document     org.apache.jackrabbit:oak-store-document:1.68.0"
  "jackrabbit-core        org.apache.jackrabbit:jackrabbit-core:2.22.1"
  "activemq-jdbc-store    org.apache.activemq:activemq-jdbc-store:6.1.7"
  "liquibase-core         org.liquibase:liquibase-core:4.33.0"
  "flyway-core            org.flywaydb:flyway-core:11.20.3"
  "jooq                   org.jooq:jooq:3.19.30"
  "h2                     com.h2database:h2:2.3.232"
  "commons-dbcp2          org.apache.commons:commons-dbcp2:2.13.0"
  "torque-runtime         org.apache.torque:torque-runtime:5.1"
  "ormlite-core           com.j256.ormlite:ormlite-core:6.1"
  "ormlite-jdbc           com.j256.ormlite:ormlite-jdbc:6.1"
  "sql2o                  org.sql2o:sql2o:1.9.1"
  "activejdbc             org.javalite:activejdbc:3.0"
)

JAR=${TXGUARD_JAR:-$(ls "$CHECKER"/target/txguard-checker-*-cli.jar 2>/dev/null | head -1 || true)}
if [[ -z "$JAR" || ! -f "$JAR" ]]; then
  echo "[real-code] building the CLI jar" >&2
  (cd "$ROOT" && mvn -B -q -pl checker -am package -DskipTests -Dinvoker.skip=true)
  JAR=$(ls "$CHECKER"/target/txguard-checker-*-cli.jar | head -1)
fi
mkdir -p "$WORK/src" "$WORK/out"
# A private copy, so that a concurrent rebuild cannot change the jar mid-run.
cp "$JAR" "$WORK/txguard-cli.jar"

selected=("$@")
wanted() { [[ ${#selected[@]} -eq 0 ]] && return 0; local s; for s in "${selected[@]}"; do [[ "$s" == "$1" ]] && return 0; done; return 1; }

fetch() { # fetch GAV -> path of the sources jar
  local gav=$1 g a v; IFS=: read -r g a v <<<"$gav"
  local jar="$REPO/${g//.//}/$a/$v/$a-$v-sources.jar"
  if [[ ! -f "$jar" ]]; then
    mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.11.0:get -Dtransitive=false \
      -Dartifact="$gav:jar:sources" -Dmaven.repo.local="$REPO" >&2 || { echo "[real-code] cannot fetch $gav" >&2; return 1; }
  fi
  echo "$jar"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
START=$(date +%s)
: >"$WORK/runs.tsv"
for p in "${PROJECTS[@]}"; do
  read -r name gav <<<"$p"
  wanted "$name" || continue
  jar=$(fetch "$gav")
  dir="$WORK/src/$name"
  if [[ ! -f "$dir/.unpacked" ]]; then
    rm -rf "$dir" && mkdir -p "$dir"
    (cd "$dir" && unzip -q -o "$jar" '*.java' && touch .unpacked)
  fi
  (cd "$dir" && find . -name '*.java' | LC_ALL=C sort >"$WORK/out/$name.all")
  if [[ "${TXGUARD_BENCH_ALL:-0}" == 1 ]]; then
    cp "$WORK/out/$name.all" "$WORK/out/$name.files"
  else
    (cd "$dir" && tr '\n' '\0' <"$WORK/out/$name.all" | xargs -0 grep -lE "$BEGIN_RE" | LC_ALL=C sort >"$WORK/out/$name.files" || true)
  fi
  lines_all=$(cd "$dir" && tr '\n' '\0' <"$WORK/out/$name.all" | xargs -0 cat | wc -l)
  lines_aud=$(cd "$dir" && tr '\n' '\0' <"$WORK/out/$name.files" | xargs -0 -r cat | wc -l)
  mapfile -t files <"$WORK/out/$name.files"
  rm -f "$WORK/out/$name.sarif" "$WORK/out/$name.cpu"
  if [[ ${#files[@]} -eq 0 ]]; then # nothing can begin a transaction here: no audit, zero findings
    printf '%s\t%s\t%s\t%s\t0\t0\t0.0\t0.0\n' "$name" "$gav" "$(wc -l <"$WORK/out/$name.all")" \
      "$(cd "$dir" && tr '\n' '\0' <"$WORK/out/$name.all" | xargs -0 cat | wc -l)" >>"$WORK/runs.tsv"
    echo "[real-code] $name: no file can begin a transaction; not audited" >&2
    continue
  fi
  t0=$(date +%s.%N)
  # The audit exits 1 when it finds something; 2 is a usage error or nothing analysed.
  set +e
  (cd "$dir" && /usr/bin/time -f "%U %S" -o "$WORK/out/$name.cpu" \
      java -Xmx2g -jar "$WORK/txguard-cli.jar" audit --threads "$THREADS" --file-time-limit "$FILE_TIME_LIMIT" --format sarif -o "$WORK/out/$name.sarif" \
      "${files[@]}" 2>"$WORK/out/$name.stderr")
  rc=$?
  set -e
  t1=$(date +%s.%N)
  if [[ $rc -ne 0 && $rc -ne 1 ]]; then echo "[real-code] $name: audit exit $rc" >&2; cat "$WORK/out/$name.stderr" >&2; fi
  cpu=$(tail -1 "$WORK/out/$name.cpu" | awk '{printf "%.1f", $1+$2}') # GNU time may add an exit-status line
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%.1f\t%s\n' "$name" "$gav" "$(wc -l <"$WORK/out/$name.all")" "$lines_all" \
    "$(wc -l <"$WORK/out/$name.files")" "$lines_aud" "$(echo "$t1 - $t0" | bc)" "$cpu" >>"$WORK/runs.tsv"
  echo "[real-code] $name done ($(tail -1 "$WORK/out/$name.stderr"))" >&2
done
END=$(date +%s)
python3 "$HERE/real_code_report.py" "$WORK"
echo "total wall time: $((END - START)) s; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
