#!/usr/bin/env bash
# Measures what server-side batching does to ResNet18 throughput and latency: BATCH_MAX x client concurrency,
# closed-loop load from wrk on the same host. Prints a markdown table (stdout) for docs/serving.md.
# Usage: samples/serving/measure-batching.sh [duration_s=30] [warmup_s=5]   (needs wrk, podman/docker, the images)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
duration="${1:-30}"
warmup="${2:-5}"
engine="${CONTAINER_ENGINE:-podman}"
port="${MEASURE_PORT:-18090}"
image="localhost/perflint/resnet18:1"
name="perflint-measure-batching-$$"
export WRK_BODY="$here/request.jpg"

cleanup() { "$engine" rm -f "$name" >/dev/null 2>&1 || true; }
trap cleanup EXIT

# The last column is the host's 1-minute load average after the step: on a shared 2-core host it says how much of
# the machine the benchmark really had (load above ~2 means other work was competing).
echo "| BATCH_MAX | concurrency | throughput (req/s) | p50 (ms) | p90 (ms) | p99 (ms) | mean batch | errors | load avg |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for batch_max in ${BATCH_MAX_VALUES:-1 4 8}; do
  cleanup
  "$engine" run -d --name "$name" -p "127.0.0.1:$port:8080" -e BATCH_MAX="$batch_max" -e BATCH_MAX_WAIT_MS=5 "$image" serve >/dev/null
  for _ in $(seq 1 240); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/ping")" = 200 ] && break
    sleep 0.5
  done
  wrk -t2 -c16 -d"${warmup}s" --timeout 60s -s "$here/wrk-post-image.lua" "http://127.0.0.1:$port/invocations" >/dev/null
  for concurrency in ${CONCURRENCY_VALUES:-1 4 16}; do
    threads=$(( concurrency < 2 ? concurrency : 2 ))
    line="$(wrk -t"$threads" -c"$concurrency" -d"${duration}s" --timeout 60s --latency -s "$here/wrk-post-image.lua" \
      "http://127.0.0.1:$port/invocations" | grep '^RESULT')"
    val() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<"$line"; }
    echo "| $batch_max | $concurrency | $(val rps) | $(val p50_ms) | $(val p90_ms) | $(val p99_ms) | $(val mean_batch) | $(val errors) | $(cut -d' ' -f1 /proc/loadavg) |"
  done
done
