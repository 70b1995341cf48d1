#!/usr/bin/env bash
# Is each piece of performance machinery worth its code? BASE and each VARIANT are folders holding a build of this
# benchmark (bin/Release/net10.0 at a commit; a variant removes one piece, or is a copy of BASE without readytorun/).
# Each round builds the generated CDK app (600 files) once with each folder's analyzers, in rotating order, with
# -p:ReportAnalyzer=true; per variant it prints the mean difference from BASE with a 95 % interval of the wall time and
# of the compiler's own PerfLint analyzer time, both relative to BASE's median build (points of build time). The
# analyzer time is the finer instrument: it leaves out the compiler's work around the analyzers, which the pieces do
# not change. The compiler mode comes from UseSharedCompilation (false: a fresh csc per build).
# Usage: compare-pieces.sh ROUNDS BASE VARIANT [VARIANT ...]
set -euo pipefail
rounds="${1:?usage: compare-pieces.sh ROUNDS BASE VARIANT...}"
shift
folders=()
for f in "$@"; do folders+=("$(cd "$f" && pwd)"); done
(( ${#folders[@]} >= 2 )) || { echo "usage: compare-pieces.sh ROUNDS BASE VARIANT..." >&2; exit 2; }
cd "$(dirname "$0")/../../.."
dir="$(mktemp -d /tmp/perflint-pieces.XXXXXX)"
dotnet "${folders[0]}/PerfLint.AnalyzerBenchmarks.dll" generate "$dir" cdk > /dev/null
sed -i "s#${folders[0]}#\$(PerfLintDir)#g" "$dir/Generated.csproj"
cd "$dir"
dotnet restore -nologo -v q > /dev/null
# one build with folder $1: prints "<wall microseconds> <PerfLint analyzer microseconds> <PerfLint warnings>"
measure() {
  local start end
  start=$(date +%s%N)
  dotnet build --no-incremental --no-restore -nologo -v:d -p:PerfLint=true -p:ReportAnalyzer=true "-p:PerfLintDir=$1" > last.log 2>&1
  end=$(date +%s%N)
  awk -v wall=$(( (end - start) / 1000 )) '
    /^ +[<0-9.]+ +[<0-9]+ +PerfLint\.Analyzers, / { t = $1; sub("<", "", t); us = t * 1e6 }
    / warning PL[0-9]+:/ { w++ }
    END { printf "%d %d %d\n", wall, us, w }' last.log
}
n=${#folders[@]}
for i in $(seq 0 "$rounds"); do   # round 0 warms the disk cache and is not recorded
  row=()
  for k in $(seq 0 $((n - 1))); do
    j=$(( (k + i) % n ))
    row[$j]="$(measure "${folders[$j]}")"
  done
  (( i == 0 )) || echo "${row[*]}"
done > rounds.txt
dotnet build-server shutdown > /dev/null 2>&1 || true
med=$(awk '{ print $1 }' rounds.txt | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
awk -v n="$n" -v names="$*" -v med="$med" '
  { for (k = 0; k < n; k++) { wall[NR, k] = $(3 * k + 1); an[NR, k] = $(3 * k + 2); warn[k] = $(3 * k + 3) } }
  function stat(a, k,   r, d, s, ss, m, se) { s = 0; ss = 0
    for (r = 1; r <= NR; r++) { d = a[r, k] - a[r, 0]; s += d; ss += d * d }
    m = s / NR; se = NR > 1 ? sqrt((ss - NR * m * m) / (NR - 1) / NR) : 0
    return sprintf("%+6.2f (%+.2f to %+.2f)", 100 * m / med, 100 * (m - 1.96 * se) / med, 100 * (m + 1.96 * se) / med) }
  END {
    split(names, label, " ")
    printf "%d rounds; BASE median build %.3f s; differences from BASE in points of that build, 95 %% interval\n", NR, med / 1e6
    printf "%-60s %-28s %-28s %s\n", "variant", "wall time", "PerfLint analyzer time", "warnings"
    for (k = 0; k < n; k++) printf "%-60s %-28s %-28s %d\n", label[k + 1], (k ? stat(wall, k) : "base"), (k ? stat(an, k) : "base"), warn[k]
  }' rounds.txt
echo "raw: $dir/rounds.txt (per folder: wall us, PerfLint analyzer us, warnings)"
