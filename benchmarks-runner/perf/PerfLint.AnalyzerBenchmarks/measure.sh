#!/usr/bin/env bash
# The analyzer-cost figures of docs/performance.md and the in-process ones, in one go. Writes the raw outputs to
# $1 (default: a new temp folder) and prints them. Run on an otherwise idle machine: the build timings are wall clock.
set -euo pipefail
cd "$(dirname "$0")/../../.."
root="$(pwd)"
out="${1:-$(mktemp -d /tmp/perflint-analyzer-perf.XXXXXX)}"
mkdir -p "$out"
dotnet build benchmarks-runner/perf/PerfLint.AnalyzerBenchmarks -c Release -nologo -v q
bench="dotnet benchmarks-runner/perf/PerfLint.AnalyzerBenchmarks/bin/Release/net10.0/PerfLint.AnalyzerBenchmarks.dll"
{ echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"; echo "cpu: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)";
  echo "memory: $(free -g | awk '/Mem:/ {print $2}') GiB"; echo "sdk: $(dotnet --version)"; echo "commit: $(git rev-parse --short HEAD)"; } > "$out/machine.txt"
$bench rules cdk 5 > "$out/rules-cdk.md"
$bench rules plain 5 > "$out/rules-plain.md"
# Both ways of running the compiler: a fresh csc per build (the worst case for analyzers: every build loads and
# JITs them) and the compiler server (the SDK's default, which some CI machines turn off).
UseSharedCompilation=false $bench build cdk 60 "$out/build-cdk" > "$out/build-cdk-fresh.md"
UseSharedCompilation=true $bench build cdk 150 "$out/build-cdk" > "$out/build-cdk-server.md"
UseSharedCompilation=false $bench build plain 15 "$out/build-plain" > "$out/build-plain.md"
(cd "$out" && "$root"/benchmarks-runner/perf/PerfLint.AnalyzerBenchmarks/bin/Release/net10.0/PerfLint.AnalyzerBenchmarks bdn --filter '*' > bdn.txt 2>&1) || true
rm -rf "$out/build-cdk" "$out/build-plain"
cat "$out/machine.txt" "$out"/rules-*.md "$out"/build-*.md
find "$out" -name '*-report-github.md' -exec cat {} \;
echo "raw outputs: $out"
