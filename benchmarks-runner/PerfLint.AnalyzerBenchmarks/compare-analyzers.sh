#!/usr/bin/env bash
# Two builds of the analyzers compared in the same time window: three-way paired builds of the generated CDK app (600
# files) without PerfLint, with the analyzers in OLD and with those in NEW, in rotating order. Runs of the build
# benchmark an hour apart have differed by a percentage point on this shared VM, more than a change of a few
# milliseconds; this keeps the machine's drift out of the comparison. Prints OLD-none, NEW-none and NEW-OLD as the mean
# of the differences with a 95 % interval, relative to the median without PerfLint.
# OLD and NEW: folders holding PerfLint.{Knowledge,Analyzers,CodeFixes}.dll, readytorun/ and build/, such as this
# benchmark's bin/Release/net10.0 built at two commits (git worktree add /tmp/old <commit>; dotnet build there).
# Usage: compare-analyzers.sh OLD NEW [rounds=100] [warm-up rounds=10]; the compiler mode comes from UseSharedCompilation.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
old="$(cd "${1:?usage: compare-analyzers.sh OLD NEW [rounds] [warm-up]}" && pwd)"
new="$(cd "${2:?usage: compare-analyzers.sh OLD NEW [rounds] [warm-up]}" && pwd)"
rounds="${3:-100}"
warmup="${4:-10}"
cd "$(dirname "$0")/../.."
bench="dotnet $new/PerfLint.AnalyzerBenchmarks.dll"
dir="$(mktemp -d /tmp/perflint-compare.XXXXXX)"
$bench generate "$dir" cdk > /dev/null
# The generated project names NEW's folder; PerfLintDir picks one of the two per build.
sed -i "s#$new#\$(PerfLintDir)#g" "$dir/Generated.csproj"
cd "$dir"
dotnet restore -nologo -v q > /dev/null
build() {
  local start end
  start=$(date +%s%N)
  if [ "$1" = none ]; then
    dotnet build --no-incremental --no-restore -nologo -v:q -p:PerfLint=false > "last-$1.log" 2>&1
  else
    dotnet build --no-incremental --no-restore -nologo -v:q -p:PerfLint=true "-p:PerfLintDir=$1" > "last-$2.log" 2>&1
  fi
  end=$(date +%s%N)
  echo $(( (end - start) / 1000 ))
}
for i in $(seq "$warmup"); do build none > /dev/null; build "$old" old > /dev/null; build "$new" new > /dev/null; done
for i in $(seq "$rounds"); do
  case $((i % 3)) in
    0) a=$(build none); o=$(build "$old" old); n=$(build "$new" new);;
    1) o=$(build "$old" old); n=$(build "$new" new); a=$(build none);;
    2) n=$(build "$new" new); a=$(build none); o=$(build "$old" old);;
  esac
  echo "$a $o $n"
done > triples.txt
dotnet build-server shutdown > /dev/null 2>&1 || true
echo "compiler: UseSharedCompilation=${UseSharedCompilation:-unset}; PerfLint warnings in the logs: old $(grep -c 'warning PL' last-old.log), new $(grep -c 'warning PL' last-new.log)"
bash "$here/paired-differences.sh" triples.txt "old - none:2:1" "new - none:3:1" "new - old:3:2"
echo "raw: $dir/triples.txt (microseconds: without, old, new)"
