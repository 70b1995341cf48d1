#!/usr/bin/env bash
# A sampled CPU profile of the warm compiler server (VBCSCompiler) while it builds the generated project again and
# again, as the build benchmark's server runs do: where PerfLint's time per build goes in the server, which the
# in-process profile (`profile`) does not show (there the trees and their red nodes are reused between runs).
#   bash server-profile.sh GENERATED_DIR [true|false] [SECONDS]   (GENERATED_DIR: what `generate DIR cdk` wrote)
# Writes server.nettrace and server.speedscope.json in the current folder and prints the number of builds in the
# window (divide the frames' time by it). Needs dotnet-trace: dotnet tool install -g dotnet-trace
set -euo pipefail
project="${1:?usage: server-profile.sh GENERATED_DIR [true|false] [SECONDS]}"
perflint="${2:-true}"
seconds="${3:-30}"
trace="$HOME/.dotnet/tools/dotnet-trace"
command -v dotnet-trace > /dev/null && trace=dotnet-trace
export UseSharedCompilation=true
build() { dotnet build "$project/Generated.csproj" --no-restore --no-incremental -nologo -v:q "-p:PerfLint=$perflint" > /dev/null; }
dotnet restore "$project/Generated.csproj" -v:q > /dev/null
for _ in 1 2 3 4 5 6; do build; done   # the server starts and its JIT tiers up
pid=$(pgrep -f 'bincore/VBCSCompiler' | head -1)
printf -v duration '00:%02d:%02d:%02d' $((seconds / 3600)) $((seconds % 3600 / 60)) $((seconds % 60))   # dd:hh:mm:ss
"$trace" collect -p "$pid" --profile dotnet-sampled-thread-time --duration "$duration" -o server.nettrace > /dev/null &
collector=$!
sleep 2
builds=0
end=$((SECONDS + seconds - 3))
while [ "$SECONDS" -lt "$end" ]; do build; builds=$((builds + 1)); done
wait "$collector"
"$trace" convert --format Speedscope server.nettrace > /dev/null
dotnet build-server shutdown > /dev/null 2>&1 || true
echo "$builds builds in the window"
