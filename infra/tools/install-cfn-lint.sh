#!/usr/bin/env bash
# Installs the offline CloudFormation linter used by the infra tests into a cache folder:
#   cfn-lint@1.9.7 (npm)      validates templates without an AWS account
#   @aws-cdk/cfnspec (npm)    a current CloudFormation resource specification
#
# cfn-lint 1.9.7 has no option for another spec file: it loads data/aws_resources_specification.json
# from its own package, a 2019 spec that does not know LaunchTemplate MetadataOptions and other current
# properties. So the newer specification.json is copied over that file (the original is kept as .orig).
#
# Usage: infra/tools/install-cfn-lint.sh [CACHE_DIR]   (default <repo>/artifacts/tools/cfn-lint)
# Idempotent: does nothing when the linter is already installed with the new spec.
# Afterwards: CACHE_DIR/node_modules/.bin/cfn-lint validate infra/workshop-gpu.yaml
set -euo pipefail

CFN_LINT="cfn-lint@1.9.7"
CFNSPEC="@aws-cdk/cfnspec@2.72.1"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cache="${1:-$repo/artifacts/tools/cfn-lint}"
bin="$cache/node_modules/.bin/cfn-lint"
bundled="$cache/node_modules/cfn-lint/data/aws_resources_specification.json"
current="$cache/node_modules/@aws-cdk/cfnspec/spec/specification.json"
marker="$cache/.installed"
recipe="$CFN_LINT $CFNSPEC"

if [ -x "$bin" ] && [ -f "$marker" ] && [ "$(cat "$marker")" = "$recipe" ]; then
  echo "cfn-lint already installed in $cache"
  exit 0
fi

command -v npm >/dev/null || { echo "npm not found: install Node.js and npm first (Debian: apt-get install npm)" >&2; exit 1; }
mkdir -p "$cache"
# A package.json of its own, so npm does not walk up into the repository looking for one.
[ -f "$cache/package.json" ] || echo '{ "name": "cfn-lint-cache", "private": true }' >"$cache/package.json"
npm install --prefix "$cache" --no-audit --no-fund --silent "$CFN_LINT" "$CFNSPEC" >/dev/null

[ -f "$bundled.orig" ] || cp "$bundled" "$bundled.orig"
cp "$current" "$bundled"
echo "$recipe" >"$marker"
echo "cfn-lint installed in $cache (resource specification $(grep -o '"ResourceSpecificationVersion": *"[^"]*"' "$bundled" | cut -d'"' -f4))"
