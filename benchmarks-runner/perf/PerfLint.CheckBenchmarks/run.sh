#!/usr/bin/env bash
# Reproduces the `perflint check` figures in docs/performance.md: builds the runner (plain and ReadyToRun), installs cdk-nag,
# synthesizes samples/CdkApp, then times perflint check and cdk-nag on a generated 50-stack, 10,000-resource app.
# usage: benchmarks-runner/perf/PerfLint.CheckBenchmarks/run.sh [report.md]
set -euo pipefail
cd "$(dirname "$0")/../../.."
report="${1:-/tmp/perflint-check-benchmark.md}"
work="$(mktemp -d /tmp/perflint-check-bench-run-XXXX)"
trap 'rm -rf "$work"' EXIT

flock /tmp/perflint-build.lock dotnet build benchmarks-runner/perf/PerfLint.CheckBenchmarks -c Release -v q -nologo
flock /tmp/perflint-build.lock dotnet publish benchmarks-runner/PerfLint.Runner/PerfLint.Runner.csproj -c Release -r linux-x64 \
  --self-contained false -p:PublishReadyToRun=true -o "$work/r2r" -v q -nologo
(cd benchmarks-runner/perf/cdk-nag-compare && npm ci --no-audit --no-fund >/dev/null)

# The sample app's cloud assembly (its own TMPDIR: jsii unpacks its files there on every synth).
flock /tmp/perflint-build.lock dotnet build samples/CdkApp -v q -nologo -p:PerfLintSampleOutput="$work/sample"
app="$(find "$work/sample/bin" -name CdkApp.dll | head -1)"
mkdir -p "$work/synth-tmp"
(cd samples/CdkApp && TMPDIR="$work/synth-tmp" CDK_OUTDIR="$work/sample.out" dotnet exec "$app" >/dev/null 2>&1)

dotnet benchmarks-runner/perf/PerfLint.CheckBenchmarks/bin/Release/net10.0/PerfLint.CheckBenchmarks.dll \
  --stacks 50 --resources-per-stack 200 --runs 5 --r2r-runner "$work/r2r/perflint.dll" \
  --sample-assembly "$work/sample.out" --sample-project samples/CdkApp --report "$report"
echo "report: $report ($(date -u +%Y-%m-%dT%H:%MZ))"
