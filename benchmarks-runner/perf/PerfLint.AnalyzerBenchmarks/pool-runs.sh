#!/usr/bin/env bash
# Pools several outputs of `build` (one configuration, e.g. six server runs) into the figures of
# docs/performance.md: the mean of all paired differences with a 95 % interval, and the mean of the runs'
# means with a Student-t interval (each run one observation, so the drift between runs counts).
# With --column N, the runs are compare-analyzers.sh's triples.txt files instead (microseconds: without, old, new), and
# column N (2: old, 3: new) is the build with PerfLint.
#   bash pool-runs.sh build-cdk-server-1.md build-cdk-server-2.md ...
#   bash pool-runs.sh --column 3 /tmp/perflint-compare.*/triples.txt
set -euo pipefail
column=""
if [ "${1:-}" = "--column" ]; then column="${2:?--column needs 2 or 3}"; shift 2; fi
[ $# -ge 2 ] || { echo "usage: pool-runs.sh [--column N] RUN RUN [...]" >&2; exit 2; }
for run in "$@"; do
  # One "run without with" line per pair, in seconds.
  if [ -n "$column" ]; then
    awk -v run="$run" -v c="$column" '{ print run, $1 / 1e6, $c / 1e6 }' "$run"
  else
    # The per-build times of the build benchmark's two table rows.
    awk -v run="$run" -F'|' '
      $2 ~ /^ without PerfLint / { n = split($4, a, ",") }
      $2 ~ /^ with PerfLint /    { split($4, b, ","); for (i = 1; i <= n; i++) print run, a[i] + 0, b[i] + 0 }' "$run"
  fi
done | awk '
  # Student t, 97.5 % quantile, by degrees of freedom (2 to 21 runs; more take 2.0).
  BEGIN { t[1] = 12.71; t[2] = 4.303; t[3] = 3.182; t[4] = 2.776; t[5] = 2.571; t[6] = 2.447; t[7] = 2.365; t[8] = 2.306; t[9] = 2.262
          t[10] = 2.228; t[11] = 2.201; t[12] = 2.179; t[13] = 2.160; t[14] = 2.145; t[15] = 2.131; t[16] = 2.120; t[17] = 2.110
          t[18] = 2.101; t[19] = 2.093; t[20] = 2.086 }
  { r = $1; if (!(r in count)) order[++runs] = r
    count[r]++; without[r, count[r]] = $2; d = $3 - $2; sum[r] += d; all[++n] = d; base[n] = $2 }
  function median(v, k,   i, j, x, s) { for (i = 1; i <= k; i++) s[i] = v[i]
    for (i = 2; i <= k; i++) { x = s[i]; for (j = i - 1; j >= 1 && s[j] > x; j--) s[j + 1] = s[j]; s[j + 1] = x }
    return k % 2 ? s[(k + 1) / 2] : (s[k / 2] + s[k / 2 + 1]) / 2 }
  END {
    b = median(base, n); m = 0; for (i = 1; i <= n; i++) m += all[i]; m /= n
    v = 0; for (i = 1; i <= n; i++) v += (all[i] - m) ^ 2; se = sqrt(v / (n - 1) / n)
    printf "pooled: %d pairs, without PerfLint median %.2f s, mean added %.1f ms = %+.2f %% (%+.2f to %+.2f %%)\n", n, b, m * 1000, 100 * m / b, 100 * (m - 1.96 * se) / b, 100 * (m + 1.96 * se) / b
    rm = 0
    for (k = 1; k <= runs; k++) { r = order[k]; for (i = 1; i <= count[r]; i++) w[i] = without[r, i]
      p[k] = 100 * sum[r] / count[r] / median(w, count[r]); rm += p[k]; printf "run %s: %+.2f %%\n", r, p[k] }
    rm /= runs; rv = 0; for (k = 1; k <= runs; k++) rv += (p[k] - rm) ^ 2
    rse = sqrt(rv / (runs - 1) / runs); q = (runs - 1 in t) ? t[runs - 1] : 2.0
    printf "mean of %d runs: %+.2f %% (t-interval %+.2f to %+.2f %%)\n", runs, rm, rm - q * rse, rm + q * rse }'
