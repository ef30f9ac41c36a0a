#!/usr/bin/env bash
# The benchmark, in one command: src/test/bench/bench.sh
#
# Builds the jar (with its class-data-sharing archive) if needed, writes synthetic design
# folders of 100, 1,000 and 10,000 decisions, times whole processes through bin/kv-or-stream
# (median of RUNS runs, default 5) with the `cp -r` of what they wrote beside them as the
# floor, records peak memory, runs the JMH benchmarks of the engine and the renderer, and
# writes the tables into docs/performance.md between its bench markers.
# Needs GNU time (/usr/bin/time; Debian package `time`). SIZES and RUNS can be set.
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT=$(pwd)
RUNS=${RUNS:-5}
SIZES=${SIZES:-"100 1000 10000"}
KV="$ROOT/bin/kv-or-stream"
[ -x /usr/bin/time ] || { echo "bench: needs GNU time: apt-get install -y time" >&2; exit 2; }
if [ ! -f target/kv-or-stream.jar ] || [ ! -f target/kv-or-stream.jsa ] || [ -n "${REBUILD:-}" ]; then
  mvn -B -q package -DskipTests
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# one timed run: prints "seconds kilobytes". Dirty pages are flushed first (sync), so no
# run pays for the write-back of the one before it.
timed() { sync; /usr/bin/time -f "%e %M" -o "$WORK/t" "$@" > /dev/null 2>&1 || true; cat "$WORK/t" | tail -1; }
# runs a command COUNT times: wall seconds into $WORK/NAME, peak kilobytes into $WORK/NAME.m.
# Before each run CLEAR (a command, `:` for none) removes what the last run wrote; with COPY
# (a folder) given, a `cp -r` of it after each run is timed too, the floor, into $WORK/NAME.f
fresh() {
  local name=$1 count=$2 clear=$3 copy=$4; shift 4
  : > "$WORK/$name"; : > "$WORK/$name.m"; : > "$WORK/$name.f"
  for r in $(seq "$count"); do
    "$clear"
    read -r s k < <(timed "$@")
    echo "$s" >> "$WORK/$name"; echo "$k" >> "$WORK/$name.m"
    if [ -n "$copy" ]; then
      rm -rf "$WORK/copy"
      read -r s k < <(timed cp -r "$copy" "$WORK/copy")
      echo "$s" >> "$WORK/$name.f"
    fi
  done
}
# runs a command COUNT times, nothing cleared and no floor
repeat() { local name=$1 count=$2; shift 2; fresh "$name" "$count" : "" "$@"; }
no_adrs() { rm -f "$dir"/*.md; }
no_site() { rm -rf "$WORK/site$n"; }
# median of a column of numbers
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.3f", m}'; }
max() { sort -n | tail -1; }

results="$WORK/results.md"
{
  echo "| decisions | step | median wall (s) | per decision (ms) | \`cp -r\` floor (s) | ratio to floor | peak memory (MB) |"
  echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: |"
} > "$results"

row() { # size step wall floor kb
  local per ratio
  per=$(awk -v w="$3" -v n="$1" 'BEGIN {printf "%.2f", 1000*w/n}')
  if [ "$4" = "-" ]; then ratio="-"; else ratio=$(awk -v w="$3" -v f="$4" 'BEGIN {if (f>0) printf "%.1fx", w/f; else printf "-"}'); fi
  echo "| $1 | $2 | $3 | $per | $4 | $ratio | $(( $5 / 1024 )) |" >> "$results"
}

for n in $SIZES; do
  dir="$WORK/d$n"
  java src/test/bench/Synthetic.java "$n" "$dir"
  echo "bench: $n decisions" >&2
  fresh cold "$RUNS" no_adrs "$dir" "$KV" generate --dir "$dir"
  floor=$(median < "$WORK/cold.f")
  row "$n" "generate, new folder" "$(median < "$WORK/cold")" "$floor" "$(max < "$WORK/cold.m")"

  repeat warm "$RUNS" "$KV" generate --dir "$dir"
  row "$n" "generate, nothing changed" "$(median < "$WORK/warm")" "$floor" "$(max < "$WORK/warm.m")"

  repeat chk "$RUNS" "$KV" check --dir "$dir"
  row "$n" "check" "$(median < "$WORK/chk")" "-" "$(max < "$WORK/chk.m")"

  fresh site "$RUNS" no_site "$WORK/site$n" "$KV" site --dir "$dir" --out "$WORK/site$n"
  sfloor=$(median < "$WORK/site.f")
  row "$n" "site, new folder (ADRs as generate wrote them)" "$(median < "$WORK/site")" "$sfloor" "$(max < "$WORK/site.m")"

  repeat srerun "$RUNS" "$KV" site --dir "$dir" --out "$WORK/site$n"
  row "$n" "site, nothing changed" "$(median < "$WORK/srerun")" "$sfloor" "$(max < "$WORK/srerun.m")"

  # the same site from the designs alone: every ADR is rendered, none read
  mkdir -p "$WORK/y$n"; cp "$dir"/*.yaml "$WORK/y$n"/
  fresh ysite "$RUNS" no_site "" "$KV" site --dir "$WORK/y$n" --out "$WORK/site$n"
  row "$n" "site, new folder (designs only)" "$(median < "$WORK/ysite")" "$sfloor" "$(max < "$WORK/ysite.m")"
  rm -rf "$dir" "$WORK/y$n" "$WORK/site$n" "$WORK/copy"
done

DESIGN=decisions/0006-tool-execution-requests.yaml
N1=$(( RUNS * 4 + 1 ))
repeat jvm $N1 java -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -version
repeat ver $N1 "$KV" --version
repeat decj $N1 "$KV" decide --format json "$DESIGN"
repeat dec $N1 "$KV" decide "$DESIGN"
repeat plain $N1 java -jar target/kv-or-stream.jar decide "$DESIGN"
{
  echo
  echo "| one design, whole process (median of $N1) | median wall (s) | peak memory (MB) |"
  echo "| --- | ---: | ---: |"
  echo "| the JVM alone (\`java -version\`, same flags) | $(median < "$WORK/jvm") | $(( $(max < "$WORK/jvm.m") / 1024 )) |"
  echo "| the program starts and stops (\`kv-or-stream --version\`) | $(median < "$WORK/ver") | $(( $(max < "$WORK/ver.m") / 1024 )) |"
  echo "| \`decide --format json\` | $(median < "$WORK/decj") | $(( $(max < "$WORK/decj.m") / 1024 )) |"
  echo "| \`decide\` (the text report, through FreeMarker) | $(median < "$WORK/dec") | $(( $(max < "$WORK/dec.m") / 1024 )) |"
  echo "| \`decide\` with plain \`java -jar target/kv-or-stream.jar\` | $(median < "$WORK/plain") | $(( $(max < "$WORK/plain.m") / 1024 )) |"
} >> "$results"

echo "bench: JMH" >&2
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test > /dev/null
java -cp "target/test-classes:target/classes:$(cat target/bench.cp)" org.openjdk.jmh.Main \
  -f 1 -wi 3 -w 1s -i 5 -r 1s -rf text -rff "$WORK/jmh.txt" EngineBenchmark > "$WORK/jmh.log" 2>&1
{
  echo
  echo '```'
  cat "$WORK/jmh.txt"
  echo '```'
} >> "$results"

machine="$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), $(uname -sr)"
stamp="Measured with \`src/test/bench/bench.sh\` (RUNS=$RUNS) on $machine."
python3 - "$results" "$stamp" <<'PY' 2>/dev/null || { echo "$stamp"; cat "$results"; }
import sys, re
table = open(sys.argv[1]).read()
doc = open("docs/performance.md").read()
block = "<!-- bench:begin -->\n" + sys.argv[2] + "\n\n" + table + "<!-- bench:end -->"
doc = re.sub(r"<!-- bench:begin -->.*?<!-- bench:end -->", lambda m: block, doc, flags=re.S)
open("docs/performance.md", "w").write(doc)
print(block)
PY
