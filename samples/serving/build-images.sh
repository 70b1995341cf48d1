#!/usr/bin/env bash
# Builds the model-serving sample images locally (no registry needed):
#   localhost/perflint/resnet18:1  ResNet18 on ONNX Runtime (CPU), SageMaker contract
#   localhost/perflint/faulty:1    fault-injecting server for runner tests and latency-accuracy benchmarks
# Usage: samples/serving/build-images.sh [--force] [resnet18] [faulty]     (default: both)
# Engine: $CONTAINER_ENGINE, else podman, else docker, whichever answers `info`.
# Idempotent: each image is labelled with a hash of its inputs and is not rebuilt while that hash matches.
# stdout: the names of the images that are ready, one a line; progress goes to stderr.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
stage_root="$here/.build"
build_lock="${PERFLINT_BUILD_LOCK:-/tmp/perflint-build.lock}"
# Host libraries a self-contained .NET app and ONNX Runtime need in an otherwise empty image.
host_libs=(ld-linux-x86-64.so.2 libc.so.6 libdl.so.2 libgcc_s.so.1 libm.so.6 libpthread.so.0 librt.so.1 libstdc++.so.6)

log() { echo "build-images: $*" >&2; }
die() { log "error: $*"; exit 1; }

force=0
targets=()
for arg in "$@"; do
  case "$arg" in
    --force) force=1 ;;
    resnet18|faulty) targets+=("$arg") ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) die "unknown argument '$arg' (expected --force, resnet18, faulty)" ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(resnet18 faulty)

pick_engine() {
  local candidates=(podman docker)
  [ -n "${CONTAINER_ENGINE:-}" ] && candidates=("$CONTAINER_ENGINE")
  for engine in "${candidates[@]}"; do
    if command -v "$engine" >/dev/null 2>&1 && "$engine" info >/dev/null 2>&1; then echo "$engine"; return 0; fi
  done
  die "no working container engine (tried: ${candidates[*]}; a docker CLI needs a running engine or DOCKER_HOST). \
Install podman: apt-get install -y podman runc, and set runtime = \"runc\", default_ulimits = [] in /etc/containers/containers.conf."
}

find_lib() { # first match of a host library by name, resolved through symlinks
  local name="$1" dir
  for dir in /lib64 /lib/x86_64-linux-gnu /usr/lib/x86_64-linux-gnu /lib /usr/lib; do
    [ -e "$dir/$name" ] && { echo "$dir/$name"; return 0; }
  done
  die "host library $name not found"
}

inputs_hash() { # everything that changes the image: sources, build settings, this script, host libraries, SDK
  local project="$1" containerfile="$2"
  {
    (cd "$here/$project" && find . -type f -not -path './bin/*' -not -path './obj/*' | LC_ALL=C sort | xargs sha256sum)
    sha256sum "$here/$containerfile" "$here/build-images.sh" "$repo/Directory.Packages.props" "$repo/Directory.Build.props"
    for lib in "${host_libs[@]}"; do sha256sum "$(readlink -f "$(find_lib "$lib")")"; done
    dotnet --version
  } | sha256sum | cut -c1-32
}

publish() { # self-contained linux-x64 publish into the staging rootfs
  local project="$1" out="$2"
  local cmd=(dotnet publish "$here/$project/$project.csproj" -c Release -r linux-x64 --self-contained
             -p:InvariantGlobalization=true -p:DebugType=none -o "$out" -v q -nologo)
  if command -v flock >/dev/null 2>&1; then flock "$build_lock" "${cmd[@]}" >&2; else "${cmd[@]}" >&2; fi
  # LTTng tracing provider: optional, and its library (liblttng-ust) is not in the image.
  rm -f "$out/libcoreclrtraceptprovider.so"
}

stage_rootfs() {
  local rootfs="$1" entry="$2"
  mkdir -p "$rootfs/lib64" "$rootfs/lib/x86_64-linux-gnu" "$rootfs/tmp" "$rootfs/usr/local/bin"
  chmod 1777 "$rootfs/tmp" # .NET's diagnostics IPC and ONNX Runtime want a writable /tmp
  for lib in "${host_libs[@]}"; do
    local dest="$rootfs/lib/x86_64-linux-gnu/$lib"
    [ "$lib" = ld-linux-x86-64.so.2 ] && dest="$rootfs/lib64/$lib"
    cp -L "$(find_lib "$lib")" "$dest"
  done
  ln -sf "/app/$entry" "$rootfs/usr/local/bin/serve" # `serve` on PATH, as SageMaker's convention has it
}

build_one() {
  local name="$1" project containerfile entry image
  case "$name" in
    resnet18) project=Resnet18Server; containerfile=Containerfile.resnet18; entry=Resnet18Server ;;
    faulty)   project=FaultServer;    containerfile=Containerfile.faulty;   entry=FaultServer ;;
  esac
  image="localhost/perflint/$name:1"
  local hash current
  hash="$(inputs_hash "$project" "$containerfile")"
  current="$("$engine" image inspect --format '{{ index .Config.Labels "perflint.inputs" }}' "$image" 2>/dev/null || true)"
  if [ "$force" = 0 ] && [ "$current" = "$hash" ]; then
    log "$image is up to date (inputs $hash)"
    echo "$image"
    return 0
  fi
  log "building $image (inputs $hash) with $engine"
  local stage="$stage_root/$name"
  rm -rf "$stage"
  mkdir -p "$stage/rootfs/app"
  publish "$project" "$stage/rootfs/app"
  stage_rootfs "$stage/rootfs" "$entry"
  if [ "$name" = resnet18 ]; then
    # Edit the model's batch dimension (and write its fp16 copy) now, so containers start without rewriting the model.
    MODEL_CACHE_DIR="$stage/rootfs/app/models/cache" "$stage/rootfs/app/Resnet18Server" prepare-model >&2
  fi
  cp "$here/$containerfile" "$stage/Containerfile"
  "$engine" build --label "perflint.inputs=$hash" -t "$image" -f "$stage/Containerfile" "$stage" >&2
  rm -rf "$stage" # the image holds it now
  echo "$image"
}

command -v dotnet >/dev/null 2>&1 || die "dotnet SDK not on PATH"
engine="$(pick_engine)"
log "container engine: $engine"
for target in "${targets[@]}"; do build_one "$target"; done
