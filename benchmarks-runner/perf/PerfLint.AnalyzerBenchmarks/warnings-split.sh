#!/usr/bin/env bash
# How much of PerfLint's share of `dotnet build` is passing on its warnings rather than analysing: three-way paired
# builds of the generated CDK app (600 files, 84 PerfLint warnings): A without PerfLint, W without PerfLint but with 84
# compiler warnings of the same length (`#warning` in 84 files), P with PerfLint. Prints P-A, W-A and P-W as the
# mean of the differences with a 95 % interval, relative to A's median.
# Usage: warnings-split.sh [rounds=120] [warm-up rounds=10]; the compiler mode comes from UseSharedCompilation.
set -euo pipefail
source "$(dirname "$0")/three-way.sh"
cd "$(dirname "$0")/../../.."
rounds="${1:-120}"
warmup="${2:-10}"
dotnet build benchmarks-runner/perf/PerfLint.AnalyzerBenchmarks -c Release -nologo -v q > /dev/null
bench="dotnet benchmarks-runner/perf/PerfLint.AnalyzerBenchmarks/bin/Release/net10.0/PerfLint.AnalyzerBenchmarks.dll"
dir="$(mktemp -d /tmp/perflint-warnings-split.XXXXXX)"
$bench generate "$dir" cdk > /dev/null
message='is an old Xen-era m4 instance type, 3 generations behind its successor; use m7i.xlarge (4 vCPU, 16 GiB, $0.2016/h vs 4 vCPU, 16 GiB, $0.2/h us-east-1 On-Demand; newer generations also do more work per vCPU) [successor: analyst mapping] (https://github.com/perflint/perflint/blob/main/docs/rules/PL1001.md)'
for file in $(ls "$dir"/Constructs/*/*.cs | head -84); do
  { printf '#if PLWARN\n#warning PL9999: %s %s\n#endif\n' "$(basename "$file")" "$message"; cat "$file"; } > "$file.tmp"
  mv "$file.tmp" "$file"
done
cd "$dir"
dotnet restore -nologo -v q > /dev/null
# Both variants set the same DefineConstants (it replaces the SDK's list), so only the warnings differ.
build() { dotnet build --no-incremental --no-restore -nologo -p:DefineConstants="$1" -p:PerfLint="$2" > "last-$1-$2.log" 2>&1; }
none() { build NOWARN false; }
warned() { build PLWARN false; }
perflint() { build NOWARN true; }
three_way "$rounds" "$warmup" none warned perflint > triples.txt
dotnet build-server shutdown > /dev/null 2>&1 || true
echo "compiler: UseSharedCompilation=${UseSharedCompilation:-unset}; warnings in the logs: #warning $(grep -c 'warning CS1030' last-PLWARN-false.log), PerfLint $(grep -c 'warning PL' last-NOWARN-true.log)"
paired_differences triples.txt "PerfLint - none:3:1" "84 #warning - none:2:1" "PerfLint - 84 #warning:3:2"
echo "raw: $dir/triples.txt (microseconds: without, #warning, PerfLint)"
