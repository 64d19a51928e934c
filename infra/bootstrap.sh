#!/usr/bin/env bash
# Prepares an Ubuntu 24.04 GPU machine (NVIDIA driver installed) for the workshops, then reports to
# CloudFormation. Run as root; the CloudFormation user data runs it from the clone it made.
#
# Steps, each skipped when already done (so running it again is safe and fast):
#   packages -> .NET 10 SDK -> JupyterLab -> clone -> .NET Interactive kernel -> TorchSharp CUDA switch
#   -> build and package warm-up -> CUDA check -> JupyterLab service (127.0.0.1, token) -> signal
#
# Settings (environment):
#   WORKSHOP_REPO_URL, WORKSHOP_BRANCH (main)   repository to clone when WORKSHOP_DIR has none
#   WORKSHOP_USER (ubuntu), WORKSHOP_DIR (/home/$WORKSHOP_USER/workshops)
#   WORKSHOP_WAIT_HANDLE                        CloudFormation wait condition URL (empty: no signal)
#   WORKSHOP_BUCKET, WORKSHOP_REGION            passed on to JupyterLab's environment for the notebooks
#   WORKSHOP_JUPYTER_PORT (8888), WORKSHOP_REQUIRE_CUDA (1: fail when TorchSharp sees no GPU)
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
APT_PACKAGES=(git curl ca-certificates python3-venv libicu74)
DOTNET_CHANNEL=10.0
JUPYTERLAB_SPEC='jupyterlab>=4.4,<5'

mkdir -p "$(dirname "$LOG")"
exec > >(tee -a "$LOG") 2>&1

step=start
cuda_report="not checked"
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
    signal FAILURE "bootstrap failed in step $step (exit $rc); see $LOG on the instance"
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
  (cd "$DIR" && as_user dotnet build lib/CustomerAnalytics -nologo -v q && as_user dotnet restore -v q)
  # The setup-check notebook loads every #r package of the workshops into the NuGet cache. A failure here is
  # reported but does not fail the machine: the attendee can rerun the notebook and read its advice.
  if (cd "$DIR" && as_user dotnet run --project lib/CustomerAnalytics.Runner -- notebooks/00-setup-check.ipynb); then
    log "setup-check notebook ran"
  else
    log "WARNING: the setup-check notebook failed; open it in JupyterLab to see why"
  fi
}

check_cuda() {
  step=cuda-check
  if ! command -v nvidia-smi >/dev/null || ! nvidia-smi -L; then
    cuda_report="no NVIDIA GPU visible (nvidia-smi)"
  elif cuda_report="$(as_user bash "$DIR/infra/check-cuda.sh" | tail -2 | tr '\n' ' ')"; then
    log "TorchSharp: $cuda_report"
    return 0
  fi
  log "TorchSharp sees no GPU: $cuda_report"
  [ "$REQUIRE_CUDA" = 1 ] && return 1
  return 0
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
start_jupyterlab
step=finished
log "ready: $cuda_report"
signal SUCCESS "JupyterLab on 127.0.0.1:$PORT; $cuda_report"
