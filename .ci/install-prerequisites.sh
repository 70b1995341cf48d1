#!/usr/bin/env bash
# Installs what PerfLint's tests need on a fresh Debian machine (run as root): podman + runc for the container
# benchmarks, wrk for the load-generator comparison, node for CDK synth. Idempotent.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
need=()
command -v podman >/dev/null 2>&1 || need+=(podman)
command -v runc >/dev/null 2>&1 || need+=(runc)
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v node >/dev/null 2>&1 || need+=(nodejs)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi
# crun and the default ulimits fail inside this kind of VM: use runc and no default ulimits.
mkdir -p /etc/containers
conf=/etc/containers/containers.conf
if ! grep -q 'runtime *= *"runc"' "$conf" 2>/dev/null; then
  cat > "$conf" <<'CONF'
[containers]
default_ulimits = []

[engine]
runtime = "runc"
CONF
fi
echo "prerequisites: podman $(podman --version | awk '{print $3}'), runc, wrk, node $(node --version)"
