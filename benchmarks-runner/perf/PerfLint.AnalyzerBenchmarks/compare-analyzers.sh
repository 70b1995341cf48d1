#!/usr/bin/env bash
# Two builds of the analyzers compared in the same time window: three-way paired builds of the generated CDK app (600
# files) without PerfLint, with the analyzers in OLD and with those in NEW, in rotating order. Runs of the build
# benchmark an hour apart differ on a shared VM by more than a small analyzer change moves them; this keeps the
# machine's drift out of the comparison. Prints OLD-none, NEW-none and NEW-OLD as the mean
# of the differences with a 95 % interval, relative to the median without PerfLint.
# OLD and NEW: folders holding PerfLint.{Knowledge,Analyzers,CodeFixes}.dll, readytorun/ and build/, such as this
# benchmark's bin/Release/net10.0 built at two commits (git worktree add /tmp/old <commit>; dotnet build there).
# Usage: compare-analyzers.sh OLD NEW [rounds=100] [warm-up rounds=10]; the compiler mode comes from UseSharedCompilation.
set -euo pipefail
source "$(dirname "$0")/three-way.sh"
old="$(cd "${1:?usage: compare-analyzers.sh OLD NEW [rounds] [warm-up]}" && pwd)"
new="$(cd "${2:?usage: compare-analyzers.sh OLD NEW [rounds] [warm-up]}" && pwd)"
rounds="${3:-100}"
warmup="${4:-10}"
cd "$(dirname "$0")/../../.."
bench="dotnet $new/PerfLint.AnalyzerBenchmarks.dll"
dir="$(mktemp -d /tmp/perflint-compare.XXXXXX)"
$bench generate "$dir" cdk > /dev/null
# The generated project names NEW's folder; PerfLintDir picks one of the two per build.
sed -i "s#$new#\$(PerfLintDir)#g" "$dir/Generated.csproj"
cd "$dir"
dotnet restore -nologo -v q > /dev/null
build() { dotnet build --no-incremental --no-restore -nologo -v:q "$@"; }
none() { build -p:PerfLint=false > last-none.log 2>&1; }
older() { build -p:PerfLint=true "-p:PerfLintDir=$old" > last-old.log 2>&1; }
newer() { build -p:PerfLint=true "-p:PerfLintDir=$new" > last-new.log 2>&1; }
three_way "$rounds" "$warmup" none older newer > triples.txt
dotnet build-server shutdown > /dev/null 2>&1 || true
echo "compiler: UseSharedCompilation=${UseSharedCompilation:-unset}; PerfLint warnings in the logs: old $(grep -c 'warning PL' last-old.log), new $(grep -c 'warning PL' last-new.log)"
paired_differences triples.txt "old - none:2:1" "new - none:3:1" "new - old:3:2"
echo "raw: $dir/triples.txt (microseconds: without, old, new)"
