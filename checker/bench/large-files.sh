#!/usr/bin/env bash
# Audit time of single large real files (docs/performance.md, "4. Large files"). Fetches the -sources jars of h2,
# hsqldb and quartz into a private local repository (never ~/.m2), unpacks them, and audits each file alone:
# `txguard audit --threads=1 --file-time-limit=0 FILE` (the file's own package root is found from its declaration, so
# its imports resolve against the rest of the unpacked sources). Prints wall and CPU (user+sys) seconds and the
# summary line; with JAR=other.jar, times that jar instead (e.g. one built from an older commit).
#
# Environment: WORK=dir (default checker/target/large-files), JAR=cli jar (default the built one).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CHECKER=$(cd "$HERE/.." && pwd)
WORK=${WORK:-$CHECKER/target/large-files}
JAR=${JAR:-$(ls "$CHECKER"/target/txguard-checker-*-cli.jar 2>/dev/null | head -1)}
[[ -n "$JAR" && -f "$JAR" ]] || { echo "no cli jar: mvn -B -q -pl checker -am package -DskipTests -Dinvoker.skip=true" >&2; exit 2; }
mkdir -p "$WORK/src"

ARTIFACTS=(com.h2database:h2:2.3.232 org.hsqldb:hsqldb:2.7.4 org.quartz-scheduler:quartz:2.5.2)
for a in "${ARTIFACTS[@]}"; do
  IFS=: read -r g n v <<<"$a"
  dir="$WORK/src/$n-$v"
  if [[ ! -d "$dir" ]]; then
    mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.11.0:get -Dmaven.repo.local="$WORK/m2" \
      -Dartifact="$a:jar:sources" -Dtransitive=false >&2
    mkdir -p "$dir" && (cd "$dir" && unzip -q -o "$WORK/m2/${g//.//}/$n/$v/$n-$v-sources.jar")
  fi
done

FILES=(
  h2-2.3.232/org/h2/command/Parser.java
  hsqldb-2.7.4/org/hsqldb/dbinfo/DatabaseInformationFull.java
  hsqldb-2.7.4/org/hsqldb/ParserDQL.java
  hsqldb-2.7.4/org/hsqldb/jdbc/JDBCResultSet.java
  hsqldb-2.7.4/org/hsqldb/cmdline/SqlFile.java
  hsqldb-2.7.4/org/hsqldb/jdbc/JDBCConnection.java
  quartz-2.5.2/org/quartz/impl/jdbcjobstore/JobStoreSupport.java
  quartz-2.5.2/org/quartz/impl/jdbcjobstore/StdJDBCDelegate.java
)
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for f in "${FILES[@]}"; do
  /usr/bin/time -f "%e %U %S" -o "$WORK/time.out" \
    java -jar "$JAR" audit --threads=1 --file-time-limit=0 "$WORK/src/$f" >"$WORK/audit.out" 2>&1 || true
  read -r wall user sys <"$WORK/time.out"
  printf "%-62s %5d lines  wall %6.1f s  cpu %6.1f s  %s\n" "$f" "$(wc -l <"$WORK/src/$f")" "$wall" \
    "$(echo "$user + $sys" | bc)" "$(tail -1 "$WORK/audit.out")"
done
