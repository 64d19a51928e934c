#!/usr/bin/env bash
# Dev container set-up (postCreateCommand): the same Debian packages as CI's .ci/debian13 root, through
# the same script, then what the notebooks need: the pinned .NET Interactive kernel registered with
# Jupyter, and the solution built (the notebooks load the library from artifacts/bin/).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# CI's packages (JupyterLab among them, for those who prefer it to VS Code's notebooks).
bash .ci/setup-debian.sh

echo "[post-create] dotnet tool restore; dotnet interactive jupyter install" >&2
dotnet tool restore
dotnet interactive jupyter install
jupyter kernelspec list

echo "[post-create] dotnet build" >&2
dotnet build CustomerAnalytics.slnx -nologo -v q

echo "[post-create] ready: open notebooks/00-setup-check.ipynb, or run: dotnet run --project lib/CustomerAnalytics.Runner" >&2
