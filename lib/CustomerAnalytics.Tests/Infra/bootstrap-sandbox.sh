#!/usr/bin/env bash
# Runs infra/bootstrap.sh in a sandbox folder with stand-ins for the commands that would change the machine
# or need the network (apt-get, dpkg, curl, git, python3 -m venv, pip, dotnet, sudo, systemctl, nvidia-smi).
# Every stand-in appends its command line to SANDBOX/calls.log; wait-condition signals go to SANDBOX/signals.log.
# Everything the real script writes lands under SANDBOX. The repository's own infra/ scripts run for real
# (use-cuda.sh on the clone's copy, check-cuda.sh with the stand-in dotnet).
#
# Usage: bootstrap-sandbox.sh SANDBOX REPO [KEY=VALUE...]   (extra environment for bootstrap.sh)
# Stand-in behaviour switches: SANDBOX_NO_GPU=1 (nvidia-smi finds nothing); SANDBOX_RUNNER_TRANSCRIPT=FILE and
# SANDBOX_RUNNER_EXIT=N (what the headless runner prints and its exit code; default: every notebook ok, exit 0).
# The runner stand-in records "runner WORKSHOP_DEVICE=... ARGS" in calls.log.
set -euo pipefail

sandbox="$1"; repo="$2"; shift 2
stubs="$sandbox/stubs"
mkdir -p "$stubs" "$sandbox/state" "$sandbox/etc/systemd" "$sandbox/etc/profile.d" "$sandbox/opt"

stub() { # stub NAME BODY: a command that logs its arguments, then runs BODY
  printf '#!/usr/bin/env bash\necho "%s $*" >>"%s/calls.log"\n%s\n' "$1" "$sandbox" "$2" >"$stubs/$1"
  chmod +x "$stubs/$1"
}

stub dpkg "[ -f '$sandbox/state/apt-installed' ]"
stub apt-get "case \" \$* \" in *' install '*) touch '$sandbox/state/apt-installed' ;; esac"
stub systemctl "exit 0"
stub nvidia-smi "[ \"\${SANDBOX_NO_GPU:-0}\" = 1 ] && exit 9
case \"\$*\" in *--query-gpu=name*) echo 'NVIDIA L4, 23034 MiB, 550.127.05' ;; *) echo 'GPU 0: NVIDIA L4 (UUID: GPU-sandbox)' ;; esac"
# sudo -u USER -H env VAR=... CMD: keep the stand-ins first on the PATH the script sets for the user.
stub sudo "shift 3; args=(); for a in \"\$@\"; do case \"\$a\" in PATH=*) args+=(\"PATH=$stubs:\${a#PATH=}\") ;; *) args+=(\"\$a\") ;; esac; done; exec \"\${args[@]}\""
# git clone --branch B URL DIR: a 'clone' holding the files the bootstrap uses from the repository.
stub git "[ \"\$1\" = clone ] || exit 0; dir=\"\${!#}\"; mkdir -p \"\$dir/.git\" \"\$dir/lib/CustomerAnalytics.Tests\"
cp -r '$repo/infra' '$repo/notebooks' '$repo/Directory.Packages.props' \"\$dir/\"
cp '$repo/lib/CustomerAnalytics.Tests/CustomerAnalytics.Tests.csproj' \"\$dir/lib/CustomerAnalytics.Tests/\""
# python3 -m venv DIR: a venv whose pip 'installs' jupyter-lab.
stub python3 "[ \"\$1 \$2\" = '-m venv' ] || exit 0; mkdir -p \"\$3/bin\"
printf '#!/usr/bin/env bash\necho \"pip \$*\" >>\"$sandbox/calls.log\"\ncase \"\$*\" in *jupyterlab*) touch \"\$(dirname \"\$0\")/jupyter-lab\"; chmod +x \"\$(dirname \"\$0\")/jupyter-lab\" ;; esac\n' >\"\$3/bin/pip\"
chmod +x \"\$3/bin/pip\""
# curl: downloads of dotnet-install.sh get an installer that makes a stand-in dotnet; PUTs are signals.
stub curl "out=''; data=''; prev=''; for a in \"\$@\"; do [ \"\$prev\" = -o ] && out=\"\$a\"; [ \"\$prev\" = --data-binary ] && data=\"\$a\"; prev=\"\$a\"; done
if [ -n \"\$data\" ]; then echo \"\$data\" >>'$sandbox/signals.log'; exit 0; fi
if [ -n \"\$out\" ] && [ \"\$out\" != /dev/null ]; then cp '$sandbox/fake-dotnet-install.sh' \"\$out\"; fi
exit 0"

cat >"$sandbox/fake-dotnet-install.sh" <<EOF
#!/usr/bin/env bash
echo "dotnet-install \$*" >>"$sandbox/calls.log"
dir=""; prev=""; for a in "\$@"; do [ "\$prev" = --install-dir ] && dir="\$a"; prev="\$a"; done
mkdir -p "\$dir"
cat >"\$dir/dotnet" <<'DOTNET'
#!/usr/bin/env bash
echo "dotnet \$*" >>"$sandbox/calls.log"
case "\$*" in
  --list-sdks) echo "10.0.100 [/sandbox/sdk]" ;;
  "run check-cuda.cs") echo "cuda: is_available() = True, devices = 1"; echo "matmul: 2048x2048 float32, CPU 812.4 ms, GPU 9.81 ms per product (83x)" ;;
  "run --project lib/CustomerAnalytics.Runner "*)
    echo "runner WORKSHOP_DEVICE=\${WORKSHOP_DEVICE:-unset} \${*:5}" >>"$sandbox/calls.log"
    if [ -n "\${SANDBOX_RUNNER_TRANSCRIPT:-}" ]; then cat "\$SANDBOX_RUNNER_TRANSCRIPT"; exit "\${SANDBOX_RUNNER_EXIT:-1}"; fi
    printf '%-30s  %5s  %7s  %s\n' notebook cells seconds status
    for nb in notebooks/*.ipynb; do nb="\$(basename "\$nb" .ipynb)"; printf '%-30s  %5s  %7s  %s\n' "\$nb" 9/9 12.0 ok; done ;;
esac
exit 0
DOTNET
chmod +x "\$dir/dotnet"
EOF

cd "$sandbox"
env PATH="$stubs:$PATH" WORKSHOP_SANDBOX=1 \
  WORKSHOP_REPO_URL=https://example.invalid/workshops.git WORKSHOP_BRANCH=main \
  WORKSHOP_USER=workshop WORKSHOP_DIR="$sandbox/home/workshops" \
  WORKSHOP_WAIT_HANDLE=https://example.invalid/wait-handle \
  WORKSHOP_BUCKET=sandbox-bucket WORKSHOP_ATTENDEE=ada WORKSHOP_REGION=eu-west-1 \
  WORKSHOP_DOTNET_DIR="$sandbox/opt/dotnet" WORKSHOP_JUPYTER_VENV="$sandbox/opt/jupyterlab" \
  WORKSHOP_CONFIG_DIR="$sandbox/etc/workshop" WORKSHOP_SYSTEMD_DIR="$sandbox/etc/systemd" \
  WORKSHOP_PROFILE_DIR="$sandbox/etc/profile.d" WORKSHOP_LOG="$sandbox/bootstrap.log" \
  "$@" bash "$repo/infra/bootstrap.sh"
