#!/usr/bin/env bash
# Installs what PerfLint's tests need on a fresh Debian machine: podman + runc for the container benchmarks, wrk for
# the load-generator comparison, node for CDK synth. Idempotent. As root it runs as it is (CI containers have no
# sudo); as another user it asks sudo for the steps that need root.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-prerequisites.sh: run it as root, or install sudo" >&2; exit 1; }
  as_root=(sudo DEBIAN_FRONTEND=noninteractive)
fi
need=()
command -v podman >/dev/null 2>&1 || need+=(podman)
command -v runc >/dev/null 2>&1 || need+=(runc)
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v node >/dev/null 2>&1 || need+=(nodejs)
# npx runs the real CDK CLI (aws-cdk on npm) that the synth tests compare with.
command -v npx >/dev/null 2>&1 || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
fi
# crun and the default ulimits fail inside this kind of VM: use runc and no default ulimits.
"${as_root[@]}" mkdir -p /etc/containers
conf=/etc/containers/containers.conf
if ! grep -q 'runtime *= *"runc"' "$conf" 2>/dev/null; then
  "${as_root[@]}" tee "$conf" > /dev/null <<'CONF'
[containers]
default_ulimits = []

[engine]
runtime = "runc"
CONF
fi
echo "prerequisites: podman $(podman --version | awk '{print $3}'), runc, wrk, node $(node --version)"
