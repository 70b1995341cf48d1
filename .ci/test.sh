#!/usr/bin/env bash
# The test command of README.md: builds the solution and runs every test project, then prints one line
# "N passed, N failed". Each run gets its own TMPDIR (every CDK synth leaves jsii's files there).
set -uo pipefail
cd "$(dirname "$0")/.."
run_tmp=$(mktemp -d /tmp/perflint-test.XXXXXX)
trap 'rm -rf "$run_tmp"' EXIT
export TMPDIR="$run_tmp"
log="$run_tmp/test.log"
dotnet build PerfLint.sln -c Release -v q -nologo 2>&1 | tail -n 20
build_rc=${PIPESTATUS[0]}
if [ "$build_rc" -ne 0 ]; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi
# One test assembly at a time: the container and synth tests measure latency and must not fight for 2 cores.
# The default (minimal) console logger prints each failed test with its message, and one summary line per assembly.
dotnet test PerfLint.sln -c Release --no-build -m:1 "$@" 2>&1 | tee "$log" | grep -vE '^\s*$|^\s*(Passed|Skipped) '
test_rc=${PIPESTATUS[0]}
# Sum the per-assembly summary lines: "Passed!  - Failed:     0, Passed:    80, Skipped:     0, Total:    80, ..."
summary=$(grep -E '^(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+' "$log")
passed=$(echo "$summary" | grep -Eo 'Passed: +[0-9]+' | awk '{s+=$2} END {print s+0}')
failed=$(echo "$summary" | grep -Eo 'Failed: +[0-9]+' | awk '{s+=$2} END {print s+0}')
if [ "$test_rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1   # the runner failed without reporting a failed test (crash, no tests): count it
fi
echo "$passed passed, $failed failed"
[ "$test_rc" -eq 0 ] && [ "$failed" -eq 0 ]
