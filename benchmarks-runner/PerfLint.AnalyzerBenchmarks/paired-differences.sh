#!/usr/bin/env bash
# The statistics of warnings-split.sh and compare-analyzers.sh: rows of build times (microseconds, one column per
# variant, one row per round) in, the mean of the differences of two columns with a 95 % interval out, relative to the
# median of the first column.
#   bash paired-differences.sh ROUNDS.txt "NAME:X:Y" ["NAME:X:Y" ...]   (column X minus column Y, counted from 1)
set -euo pipefail
rounds="${1:?usage: paired-differences.sh ROUNDS.txt NAME:X:Y [...]}"
shift
base=$(sort -n -k1,1 "$rounds" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
awk -v base="$base" 'END { printf "%d rounds; without PerfLint: median %.3f s\n", NR, base / 1e6 }' "$rounds"
for pair in "$@"; do
  IFS=: read -r name x y <<< "$pair"
  awk -v name="$name" -v x="$x" -v y="$y" -v base="$base" '
    { d = $x - $y; n++; s += d; ss += d * d }
    END { m = s / n; se = sqrt((ss - n * m * m) / (n - 1) / n);
          printf "%-24s %6.1f ms  %+.2f %% (%+.2f to %+.2f %%)\n", name, m / 1000, 100 * m / base, 100 * (m - 1.96 * se) / base, 100 * (m + 1.96 * se) / base }' "$rounds"
done
