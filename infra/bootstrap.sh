#!/usr/bin/env bash
# Prepares an Ubuntu 24.04 GPU machine (NVIDIA driver installed) for the workshops, then reports to
# CloudFormation. Run as root; the CloudFormation user data runs it from the clone it made.
#
# Steps, each skipped when already done (so running it again is safe and fast):
#   packages -> .NET 10 SDK -> JupyterLab -> clone -> .NET Interactive kernel -> TorchSharp CUDA switch
#   -> build and package warm-up -> CUDA check -> every workshop headless on the GPU -> JupyterLab service
#   (127.0.0.1, token) -> idle-stop timer -> signal
# The workshop run is the machine's proof: all six notebooks on the sample data with WORKSHOP_DEVICE=cuda. A failed
# cell fails the stack, with the notebook, the cell and its error in the wait condition's reason.
#
# Settings (environment):
#   WORKSHOP_REPO_URL, WORKSHOP_BRANCH (main)   repository to clone when WORKSHOP_DIR has none
#   WORKSHOP_USER (ubuntu), WORKSHOP_DIR (/home/$WORKSHOP_USER/workshops)
#   WORKSHOP_WAIT_HANDLE                        CloudFormation wait condition URL (empty: no signal)
#   WORKSHOP_BUCKET, WORKSHOP_ATTENDEE, WORKSHOP_REGION  passed on to JupyterLab's environment for the notebooks
#   WORKSHOP_JUPYTER_PORT (8888), WORKSHOP_REQUIRE_CUDA (1: fail when TorchSharp sees no GPU)
#   WORKSHOP_RUN_WORKSHOPS (1: run every notebook headless before signalling; 0 skips, e.g. for a quick repair)
#   WORKSHOP_IDLE_STOP_MINUTES (60: the machine stops itself after this many idle minutes; 0 disables)
#   WORKSHOP_DOTNET_DIR (/opt/dotnet), WORKSHOP_JUPYTER_VENV (/opt/jupyterlab), WORKSHOP_CONFIG_DIR (/etc/workshop),
#   WORKSHOP_SYSTEMD_DIR (/etc/systemd/system), WORKSHOP_PROFILE_DIR (/etc/profile.d), WORKSHOP_LOG (/var/log/workshop-bootstrap.log)
set -euo pipefail

REPO_URL="${WORKSHOP_REPO_URL:-}"
BRANCH="${WORKSHOP_BRANCH:-main}"
RUN_AS="${WORKSHOP_USER:-ubuntu}"
HOME_DIR="$(getent passwd "$RUN_AS" | cut -d: -f6 || true)"
HOME_DIR="${HOME_DIR:-/home/$RUN_AS}"
DIR="${WORKSHOP_DIR:-$HOME_DIR/workshops}"
WAIT_HANDLE="${WORKSHOP_WAIT_HANDLE:-}"
PORT="${WORKSHOP_JUPYTER_PORT:-8888}"
REQUIRE_CUDA="${WORKSHOP_REQUIRE_CUDA:-1}"
DOTNET_DIR="${WORKSHOP_DOTNET_DIR:-/opt/dotnet}"
VENV="${WORKSHOP_JUPYTER_VENV:-/opt/jupyterlab}"
CONFIG_DIR="${WORKSHOP_CONFIG_DIR:-/etc/workshop}"
SYSTEMD_DIR="${WORKSHOP_SYSTEMD_DIR:-/etc/systemd/system}"
PROFILE_DIR="${WORKSHOP_PROFILE_DIR:-/etc/profile.d}"
LOG="${WORKSHOP_LOG:-/var/log/workshop-bootstrap.log}"
RUN_WORKSHOPS="${WORKSHOP_RUN_WORKSHOPS:-1}"
IDLE_STOP_MINUTES="${WORKSHOP_IDLE_STOP_MINUTES:-60}"
RUN_LOG="$(dirname "$LOG")/workshop-notebooks.log"
APT_PACKAGES=(git curl ca-certificates python3-venv libicu74)
DOTNET_CHANNEL=10.0
JUPYTERLAB_SPEC='jupyterlab>=4.4,<5'

mkdir -p "$(dirname "$LOG")"
exec > >(tee -a "$LOG") 2>&1

step=start
cuda_report="not checked"
cuda_available=0
workshops_report="workshops not run"
idle_report="idle stop not set up"
failure_detail=""
log() { echo "[bootstrap $(date -u +%H:%M:%S)] $*"; }

# Reports to the CloudFormation wait condition; quotes and backslashes would break the JSON, so they go.
signal() {
  [ -n "$WAIT_HANDLE" ] || { log "no wait handle: not signalling $1"; return 0; }
  local text
  text="${2//[\"\\]/}"
  text="${text//$'\n'/ }"
  curl -sS -X PUT -H 'Content-Type:' --retry 5 \
    --data-binary "{\"Status\":\"$1\",\"Reason\":\"$text\",\"UniqueId\":\"bootstrap\",\"Data\":\"$text\"}" \
    "$WAIT_HANDLE" || log "could not signal $1"
}

on_exit() {
  local rc=$?
  if [ "$rc" -ne 0 ]; then
    log "FAILED in step '$step' (exit $rc); the log is $LOG"
    signal FAILURE "bootstrap failed in step $step (exit $rc)${failure_detail:+: $failure_detail}; see $LOG on the instance"
  fi
}
trap on_exit EXIT

# Runs a command as the workshop user with .NET, its global tools and JupyterLab on PATH.
as_user() {
  sudo -u "$RUN_AS" -H env \
    PATH="$DOTNET_DIR:$HOME_DIR/.dotnet/tools:$VENV/bin:/usr/local/bin:/usr/bin:/bin" \
    DOTNET_ROOT="$DOTNET_DIR" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 "$@"
}

install_packages() {
  step=packages
  if dpkg -s "${APT_PACKAGES[@]}" >/dev/null 2>&1; then log "packages present"; return; fi
  log "installing ${APT_PACKAGES[*]}"
  # The image may still be running its own first-boot apt jobs; wait for the lock instead of failing.
  apt-get -o DPkg::Lock::Timeout=600 update -q
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q "${APT_PACKAGES[@]}"
}

install_dotnet() {
  step=dotnet
  if [ -x "$DOTNET_DIR/dotnet" ] && "$DOTNET_DIR/dotnet" --list-sdks | grep -q "^${DOTNET_CHANNEL%.0}\."; then
    log ".NET SDK present: $("$DOTNET_DIR/dotnet" --list-sdks | tail -1)"
  else
    log "installing the .NET $DOTNET_CHANNEL SDK into $DOTNET_DIR"
    local installer
    installer="$(mktemp)"
    curl -fsSL --retry 5 https://dot.net/v1/dotnet-install.sh -o "$installer"
    bash "$installer" --channel "$DOTNET_CHANNEL" --install-dir "$DOTNET_DIR" --no-path
    rm -f "$installer"
  fi
  # Login shells (SSM sessions, JupyterLab terminals) find dotnet and the tools too.
  mkdir -p "$CONFIG_DIR"
  cat >"$CONFIG_DIR/dotnet.sh" <<EOF
export DOTNET_ROOT=$DOTNET_DIR
export PATH=$DOTNET_DIR:\$HOME/.dotnet/tools:$VENV/bin:\$PATH
export DOTNET_CLI_TELEMETRY_OPTOUT=1
EOF
  if [ -d "$PROFILE_DIR" ]; then ln -sf "$CONFIG_DIR/dotnet.sh" "$PROFILE_DIR/workshop-dotnet.sh"; fi
}

install_jupyterlab() {
  step=jupyterlab
  if [ -x "$VENV/bin/jupyter-lab" ]; then log "JupyterLab present"; return; fi
  log "installing JupyterLab into $VENV"
  # A virtual environment: Ubuntu 24.04's python refuses system-wide pip installs (PEP 668).
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --upgrade pip
  "$VENV/bin/pip" install --quiet "$JUPYTERLAB_SPEC"
}

clone_repository() {
  step=clone
  if [ -d "$DIR/.git" ]; then log "repository present in $DIR (kept as it is)"; return; fi
  [ -n "$REPO_URL" ] || { log "WORKSHOP_REPO_URL is empty and $DIR has no clone"; return 1; }
  log "cloning $REPO_URL ($BRANCH) into $DIR"
  as_user git clone --branch "$BRANCH" "$REPO_URL" "$DIR"
}

install_kernel() {
  step=kernel
  log "registering the .NET Interactive kernel from the repository's tool manifest"
  (cd "$DIR" && as_user dotnet tool restore && as_user dotnet interactive jupyter install)
}

switch_to_cuda() {
  step=cuda-switch
  as_user bash "$DIR/infra/use-cuda.sh" cuda "$DIR"
}

warm_up() {
  step=warm-up
  log "building the library and restoring packages (so the first notebook cell is fast)"
  (cd "$DIR" && as_user dotnet build lib/CustomerAnalytics.Runner -nologo -v q && as_user dotnet restore -v q)
  # The workshop run (below) loads every #r package of the workshops into the NuGet cache. When it is skipped, the
  # setup-check notebook does that; its failure is reported but does not fail the machine: the attendee can rerun
  # the notebook and read its advice.
  [ "$RUN_WORKSHOPS" = 1 ] && return 0
  if (cd "$DIR" && as_user dotnet run --project lib/CustomerAnalytics.Runner -- notebooks/00-setup-check.ipynb); then
    log "setup-check notebook ran"
  else
    log "WARNING: the setup-check notebook failed; open it in JupyterLab to see why"
  fi
}

check_cuda() {
  step=cuda-check
  local output rc=0
  if ! command -v nvidia-smi >/dev/null || ! nvidia-smi -L; then
    cuda_report="no NVIDIA GPU visible (nvidia-smi)"
  else
    output="$(as_user bash "$DIR/infra/check-cuda.sh")" || rc=$?
    echo "$output"
    # The GPU, what TorchSharp sees and the CPU/GPU timing, on one line for the wait condition.
    cuda_report="$(awk '/^(gpu|cuda|matmul): /{printf "%s%s", sep, $0; sep="; "}' <<<"$output")"
    if [ "$rc" = 0 ]; then
      cuda_available=1
      log "CUDA: $cuda_report"
      return 0
    fi
  fi
  log "TorchSharp sees no GPU: $cuda_report"
  [ "$REQUIRE_CUDA" = 1 ] && return 1
  return 0
}

# The failures in a runner transcript, one "NOTEBOOK at cell N: error" each, joined by " | ". The runner prints
# "[nb] nb.ipynb failed at cell N:", the cell's first lines indented by four spaces, then the error; or
# "[nb] nb.ipynb timed out after ... while running cell N."; or "[nb] FAILED: why" for an unreadable notebook.
# Without any of them, the FAILED rows of its summary table ("nb  3/9  12.0  FAILED (cell 7)").
runner_failures() {
  local found
  found="$(awk '
    function text(line) { sub(/^\[[^]]*\] /, "", line); return line }
    function add(item) { out = out sep item; sep = " | " }
    want && /^\[[^]]*\]     / { next }
    want { add(nb " at " cell ": " text($0)); want = 0; next }
    / failed at [^:]*:$/ && /^\[[^]]*\] [^ ]*\.ipynb / {
      line = text($0); nb = line; sub(/\.ipynb failed at .*$/, "", nb)
      cell = line; sub(/^.*\.ipynb failed at /, "", cell); sub(/:$/, "", cell); want = 1; next }
    /^\[[^]]*\] [^ ]*\.ipynb timed out after / {
      line = text($0); nb = line; sub(/\.ipynb timed out after .*$/, "", nb)
      cell = line; sub(/^.* while running /, "", cell); sub(/\. .*$/, "", cell); add(nb " timed out at " cell); next }
    /^\[[^]]*\] FAILED: / { nb = $1; gsub(/[][]/, "", nb); line = text($0); sub(/^FAILED: /, "", line); add(nb ": " line) }
    END { if (want) add(nb " at " cell); print out }' "$1")"
  if [ -z "$found" ]; then
    found="$(awk '$2 ~ /^[0-9]+\/[0-9]+$/ && $4 == "FAILED" {row = $1; for (i = 4; i <= NF; i++) row = row " " $i; printf "%s%s", sep, row; sep = " | "}' "$1")"
  fi
  echo "$found"
}

run_workshops() {
  step=workshops
  if [ "$RUN_WORKSHOPS" != 1 ]; then log "WORKSHOP_RUN_WORKSHOPS=$RUN_WORKSHOPS: the workshops are not run"; return 0; fi
  # Without a GPU this step is only reached with WORKSHOP_REQUIRE_CUDA=0: then the CPU run still proves the rest.
  local device=cuda rc=0 started=$SECONDS out="$DIR/artifacts/bootstrap"
  [ "$cuda_available" = 1 ] || device=cpu
  log "running every workshop headless on the sample data with WORKSHOP_DEVICE=$device (transcript $RUN_LOG, reports $out/reports)"
  (cd "$DIR" && as_user WORKSHOP_DEVICE="$device" dotnet run --project lib/CustomerAnalytics.Runner -- --out "$out") 2>&1 \
    | tee "$RUN_LOG" || rc=$?
  if [ "$rc" = 0 ]; then
    local ok
    ok="$(awk '$2 ~ /^[0-9]+\/[0-9]+$/ && $4 == "ok" {n++} END {print n + 0}' "$RUN_LOG")"
    workshops_report="$ok workshops ran on $device in $((SECONDS - started)) s"
    log "$workshops_report"
    return 0
  fi
  failure_detail="$(runner_failures "$RUN_LOG")"
  failure_detail="${failure_detail:-the runner exited $rc before it reported a notebook (see $RUN_LOG)}"
  failure_detail="WORKSHOP_DEVICE=$device: ${failure_detail:0:900}"
  log "the workshop run failed: $failure_detail"
  return 1
}

start_jupyterlab() {
  step=jupyterlab-service
  mkdir -p "$CONFIG_DIR"
  # The token is made once and kept, so a rerun does not log attendees out.
  if [ ! -s "$CONFIG_DIR/jupyter-token" ]; then
    (umask 077 && head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$CONFIG_DIR/jupyter-token")
  fi
  local token
  token="$(cat "$CONFIG_DIR/jupyter-token")"
  (umask 077 && cat >"$CONFIG_DIR/jupyter.env" <<EOF
JUPYTER_TOKEN=$token
DOTNET_ROOT=$DOTNET_DIR
PATH=$DOTNET_DIR:$HOME_DIR/.dotnet/tools:$VENV/bin:/usr/local/bin:/usr/bin:/bin
DOTNET_CLI_TELEMETRY_OPTOUT=1
JUPYTER_CONFIG_PATH=$DIR/infra/jupyter
WORKSHOP_BUCKET=${WORKSHOP_BUCKET:-}
WORKSHOP_ATTENDEE=${WORKSHOP_ATTENDEE:-}
AWS_REGION=${WORKSHOP_REGION:-}
EOF
  )
  cat >"$SYSTEMD_DIR/jupyterlab.service" <<EOF
[Unit]
Description=JupyterLab for the customer analytics workshops (127.0.0.1:$PORT, reach it through SSM port forwarding)
After=network-online.target
Wants=network-online.target

[Service]
User=$RUN_AS
WorkingDirectory=$DIR
EnvironmentFile=$CONFIG_DIR/jupyter.env
ExecStart=$VENV/bin/jupyter-lab --ip=127.0.0.1 --port=$PORT --no-browser --ServerApp.root_dir=$DIR
Restart=on-failure
RestartSec=5

[Install]
WantedBy=multi-user.target
EOF
  systemctl daemon-reload
  systemctl enable jupyterlab.service
  systemctl restart jupyterlab.service
  local attempt
  for attempt in $(seq 1 60); do
    if curl -sf -o /dev/null -H "Authorization: token $token" "http://127.0.0.1:$PORT/api/status"; then
      log "JupyterLab answers on 127.0.0.1:$PORT"
      return 0
    fi
    sleep 2
  done
  log "JupyterLab did not answer on 127.0.0.1:$PORT after $attempt attempts: journalctl -u jupyterlab"
  return 1
}

# A timer runs infra/idle-stop.sh every 5 minutes; it stops the machine after IDLE_STOP_MINUTES without a busy
# kernel, JupyterLab activity or GPU load (0 disables: the timer is removed, so a rerun can switch it off).
install_idle_stop() {
  step=idle-stop
  if ! [[ "$IDLE_STOP_MINUTES" =~ ^[0-9]+$ ]]; then
    log "WORKSHOP_IDLE_STOP_MINUTES must be a whole number of minutes (0 disables), not '$IDLE_STOP_MINUTES'"
    return 1
  fi
  if [ "$IDLE_STOP_MINUTES" = 0 ]; then
    systemctl disable --now workshop-idle-stop.timer 2>/dev/null || true
    rm -f "$SYSTEMD_DIR/workshop-idle-stop.service" "$SYSTEMD_DIR/workshop-idle-stop.timer"
    systemctl daemon-reload
    idle_report="idle stop off"
    log "$idle_report (WORKSHOP_IDLE_STOP_MINUTES=0)"
    return 0
  fi
  cat >"$SYSTEMD_DIR/workshop-idle-stop.service" <<EOF
[Unit]
Description=Stop this workshop machine after $IDLE_STOP_MINUTES idle minutes (no busy kernel, no JupyterLab activity, GPU idle)
After=jupyterlab.service

[Service]
Type=oneshot
Environment=WORKSHOP_IDLE_STOP_MINUTES=$IDLE_STOP_MINUTES
Environment=WORKSHOP_JUPYTER_PORT=$PORT
Environment=WORKSHOP_CONFIG_DIR=$CONFIG_DIR
ExecStart=/bin/bash $DIR/infra/idle-stop.sh
EOF
  cat >"$SYSTEMD_DIR/workshop-idle-stop.timer" <<EOF
[Unit]
Description=Check every 5 minutes whether the workshop machine is idle

[Timer]
OnBootSec=10min
OnUnitActiveSec=5min

[Install]
WantedBy=timers.target
EOF
  systemctl daemon-reload
  systemctl enable --now workshop-idle-stop.timer
  idle_report="stops itself after $IDLE_STOP_MINUTES idle minutes"
  log "idle stop: $idle_report"
}

# The tests run it in a sandbox (every path redirected, commands stood in for) as any user.
[ "$(id -u)" = 0 ] || [ "${WORKSHOP_SANDBOX:-0}" = 1 ] || { echo "run bootstrap.sh as root (sudo)" >&2; exit 1; }
log "bootstrap starts: repository $DIR, user $RUN_AS"
install_packages
install_dotnet
install_jupyterlab
clone_repository
install_kernel
switch_to_cuda
warm_up
check_cuda
run_workshops
start_jupyterlab
install_idle_stop
step=finished
log "ready: $cuda_report; $workshops_report; $idle_report"
signal SUCCESS "JupyterLab on 127.0.0.1:$PORT; $cuda_report; $workshops_report; $idle_report"
