# The three-way paired builds of warnings-split.sh and compare-analyzers.sh, sourced by both: rounds of three build
# variants in rotating order, and the statistics of their differences.

# three_way ROUNDS WARM-UP A B C: A, B and C are commands (each runs one build). After WARM-UP unrecorded rounds, prints
# ROUNDS rows of their wall times in microseconds, always in the column order A B C while the order they run in
# rotates, so that a slow stretch of the machine falls on each variant alike.
three_way() {
  local rounds=$1 warmup=$2 a=$3 b=$4 c=$5 i x y z
  for i in $(seq "$warmup"); do "$a"; "$b"; "$c"; done
  for i in $(seq "$rounds"); do
    case $((i % 3)) in
      0) x=$(timed "$a"); y=$(timed "$b"); z=$(timed "$c");;
      1) y=$(timed "$b"); z=$(timed "$c"); x=$(timed "$a");;
      2) z=$(timed "$c"); x=$(timed "$a"); y=$(timed "$b");;
    esac
    echo "$x $y $z"
  done
}

# timed COMMAND: runs it and prints its wall time in microseconds.
timed() {
  local start end
  start=$(date +%s%N)
  "$1"
  end=$(date +%s%N)
  echo $(( (end - start) / 1000 ))
}

# paired_differences ROWS "NAME:X:Y" [...]: the mean of column X minus column Y (counted from 1) with a 95 % interval,
# relative to the median of column 1 (the build without PerfLint).
paired_differences() {
  local rows=$1 base pair name x y
  shift
  base=$(sort -n -k1,1 "$rows" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  awk -v base="$base" 'END { printf "%d rounds; without PerfLint: median %.3f s\n", NR, base / 1e6 }' "$rows"
  for pair in "$@"; do
    IFS=: read -r name x y <<< "$pair"
    awk -v name="$name" -v x="$x" -v y="$y" -v base="$base" '
      { d = $x - $y; n++; s += d; ss += d * d }
      END { m = s / n; se = sqrt((ss - n * m * m) / (n - 1) / n);
            printf "%-24s %6.1f ms  %+.2f %% (%+.2f to %+.2f %%)\n", name, m / 1000, 100 * m / base, 100 * (m - 1.96 * se) / base, 100 * (m + 1.96 * se) / base }' "$rows"
  done
}
