#!/usr/bin/env bash
# How much of PerfLint's share of `dotnet build` is the compiler checking each PerfLint finding against
# [SuppressMessage] attributes rather than PerfLint analysing. For every analyzer diagnostic the compiler walks the
# syntax from the diagnostic up to its namespace and asks for the symbols each node declares; for a local variable
# in code with nullable reference types on, that binds the whole enclosing method again and runs nullable analysis
# on it (the semantic models the analyzers used are gone by then). It skips diagnostics tagged "Compiler".
# Three-way paired builds of the generated CDK app (600 files, 84 PerfLint warnings, most of them inside local
# declarations): without PerfLint, with the analyzers of this working tree ("old" below) and with those of HEAD
# with compiler-tag.patch applied ("new": the same analyzers whose descriptors carry the "Compiler" tag). new - old is
# the check's cost. The tagged build is an experiment, never a product: it turns [SuppressMessage] off for PerfLint.
# Usage: suppression-split.sh [rounds=100] [warm-up rounds=10]; the compiler mode comes from UseSharedCompilation.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
rounds="${1:-100}"
warmup="${2:-10}"
tree="$(mktemp -d /tmp/perflint-split.XXXXXX)"
git -C "$root" worktree add -q --detach "$tree" HEAD
trap 'git -C "$root" worktree remove --force "$tree"' EXIT
git -C "$tree" apply "$here/compiler-tag.patch"
dotnet build "$root/benchmarks-runner/perf/PerfLint.AnalyzerBenchmarks" -c Release -nologo -v q > /dev/null
dotnet build "$tree/benchmarks-runner/perf/PerfLint.AnalyzerBenchmarks" -c Release -nologo -v q > /dev/null
bash "$here/compare-analyzers.sh" "$root/benchmarks-runner/perf/PerfLint.AnalyzerBenchmarks/bin/Release/net10.0" \
  "$tree/benchmarks-runner/perf/PerfLint.AnalyzerBenchmarks/bin/Release/net10.0" "$rounds" "$warmup"
