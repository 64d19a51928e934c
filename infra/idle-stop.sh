#!/usr/bin/env bash
# Stops this workshop machine when nobody has used it for WORKSHOP_IDLE_STOP_MINUTES. Run every 5 minutes by
# workshop-idle-stop.timer (bootstrap.sh installs it). The machine counts as used, at the latest, at:
#   - now, while a kernel is busy (Jupyter server /api/kernels, execution_state) or the GPU works (nvidia-smi);
#   - each kernel's last_activity, and JupyterLab's own last_activity (/api/status: requests, kernels, terminals);
#   - boot, so a machine that was just started again gets the full time.
# When the newest of these is WORKSHOP_IDLE_STOP_MINUTES old, it stops the instance (ec2:StopInstances on itself,
# the only EC2 permission its role has), or powers off, which stops an EBS instance too, when the AWS CLI cannot.
# A stopped machine keeps its disk; `aws ec2 start-instances` brings it back with JupyterLab running.
#
# Settings: WORKSHOP_IDLE_STOP_MINUTES (60; 0 = never), WORKSHOP_JUPYTER_PORT (8888), WORKSHOP_CONFIG_DIR (/etc/workshop).
# For the tests: IDLE_STOP_NOW and IDLE_STOP_UPTIME (seconds) replace the clock and /proc/uptime.
set -euo pipefail

MINUTES="${WORKSHOP_IDLE_STOP_MINUTES:-60}"
PORT="${WORKSHOP_JUPYTER_PORT:-8888}"
CONFIG_DIR="${WORKSHOP_CONFIG_DIR:-/etc/workshop}"
IMDS=http://169.254.169.254/latest

say() { echo "idle-stop: $*"; }

if ! [[ "$MINUTES" =~ ^[0-9]+$ ]]; then say "WORKSHOP_IDLE_STOP_MINUTES must be whole minutes, not '$MINUTES'"; exit 2; fi
if [ "$MINUTES" = 0 ]; then say "disabled (WORKSHOP_IDLE_STOP_MINUTES=0)"; exit 0; fi

now="${IDLE_STOP_NOW:-$(date +%s)}"
uptime="${IDLE_STOP_UPTIME:-$(cut -d. -f1 /proc/uptime)}"
last=$((now - uptime))
why="boot"

# no_track_activity: without it these very requests would count as JupyterLab activity.
jupyter() {
  curl -sf --max-time 10 -H "Authorization: token $(cat "$CONFIG_DIR/jupyter-token" 2>/dev/null)" \
    "http://127.0.0.1:$PORT/api/$1?no_track_activity=1"
}

# Prints "BUSY_KERNELS NEWEST_ACTIVITY_EPOCH" from the /api/status and /api/kernels answers (0 when none).
activity() {
  python3 -c '
import json, sys
from datetime import datetime
def load(text):
    try:
        return json.loads(text)
    except ValueError:
        return None
status, kernels = (load(a) for a in sys.argv[1:3])
stamps = [status.get("last_activity")] if isinstance(status, dict) else []
busy = 0
for k in kernels if isinstance(kernels, list) else []:
    stamps.append(k.get("last_activity"))
    busy += k.get("execution_state") == "busy"
epochs = [datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp() for s in stamps if s]
print(busy, int(max(epochs, default=0)))
' "$1" "$2"
}

status="$(jupyter status || true)"
kernels="$(jupyter kernels || true)"
[ -n "$status" ] || say "JupyterLab does not answer on 127.0.0.1:$PORT; only boot and the GPU count"
busy=0 jupyter_last=0
read -r busy jupyter_last < <(activity "$status" "$kernels") || true
if [ "$jupyter_last" -gt "$last" ]; then last="$jupyter_last"; why="JupyterLab activity"; fi
if [ "$busy" -gt 0 ]; then last="$now"; why="$busy kernel(s) busy"; fi

if command -v nvidia-smi >/dev/null; then
  gpu_busy="$(nvidia-smi --query-gpu=utilization.gpu --format=csv,noheader,nounits 2>/dev/null | awk '$1 + 0 > 0 {n++} END {print n + 0}')"
  if [ "$gpu_busy" -gt 0 ]; then last="$now"; why="GPU busy"; fi
fi

idle=$(((now - last) / 60))
if [ "$idle" -lt "$MINUTES" ]; then
  say "in use: idle for $idle of $MINUTES minutes (latest: $why)"
  exit 0
fi

say "idle for $idle minutes (limit $MINUTES, latest: $why): stopping this machine"
imds_token="$(curl -sf --max-time 5 -X PUT -H 'X-aws-ec2-metadata-token-ttl-seconds: 60' "$IMDS/api/token" || true)"
imds() { curl -sf --max-time 5 -H "X-aws-ec2-metadata-token: $imds_token" "$IMDS/meta-data/$1"; }
if instance="$(imds instance-id)" && region="$(imds placement/region)" && command -v aws >/dev/null \
  && aws ec2 stop-instances --region "$region" --instance-ids "$instance" >/dev/null; then
  say "asked EC2 to stop $instance"
else
  say "the AWS CLI could not stop the instance; powering off (the instance stops, its disk stays)"
  systemctl poweroff
fi
