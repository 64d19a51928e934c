#!/usr/bin/env bash
# Switches a clone of the workshops between TorchSharp's CPU and CUDA native packages.
#
#   infra/use-cuda.sh cuda [REPO_DIR]   notebooks' #r lines and the tests project use TorchSharp-cuda-linux
#   infra/use-cuda.sh cpu  [REPO_DIR]   back to TorchSharp-cpu (the committed state, byte for byte)
#   infra/use-cuda.sh status [REPO_DIR] prints which one the clone uses
#
# The library references managed TorchSharp only, so only the places that pick a native backend change:
# `#r "nuget: TorchSharp-cpu, V"` lines in notebooks/**/*.ipynb, `#:package TorchSharp-cpu[@V]` lines in the
# file-based apps under notebooks/, and the tests project's PackageReference (with a PackageVersion for the CUDA
# package in Directory.Packages.props, marked so `cpu` removes exactly that line). TorchDevice.Select() then
# picks CUDA by itself. Idempotent: running a mode twice changes nothing the second time.
set -euo pipefail

mode="${1:-}"
repo="${2:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
props="$repo/Directory.Packages.props"
tests="$repo/lib/CustomerAnalytics.Tests/CustomerAnalytics.Tests.csproj"
marker="<!-- added by infra/use-cuda.sh -->"

case "$mode" in
  cuda) from=TorchSharp-cpu; to=TorchSharp-cuda-linux ;;
  cpu) from=TorchSharp-cuda-linux; to=TorchSharp-cpu ;;
  status) ;;
  *) echo "usage: $0 cuda|cpu|status [REPO_DIR]" >&2; exit 2 ;;
esac
[ -d "$repo/notebooks" ] || { echo "no notebooks/ folder in $repo: give the repository folder as second argument" >&2; exit 2; }

# Files that name a TorchSharp native package (notebooks and file-based apps).
mapfile -t sources < <(find "$repo/notebooks" -type f \( -name '*.ipynb' -o -name '*.cs' \) -not -path '*/.ipynb_checkpoints/*' | sort)

if [ "$mode" = status ]; then
  # Only the lines that pick a package count (the notebooks also mention the CUDA package in their text).
  if grep -Eqs '#r \\?"nuget: *TorchSharp-cuda-linux *,|#:package +TorchSharp-cuda-linux(@| *$)|PackageReference Include="TorchSharp-cuda-linux"' \
    "${sources[@]}" "$tests"; then echo cuda; else echo cpu; fi
  exit 0
fi

changed=0
for file in "${sources[@]}"; do
  # Only #r "nuget: ..." lines (escaped quote inside .ipynb JSON, plain quote in a .cs) and #:package lines.
  if grep -Eq "#r \\\\?\"nuget: *$from *,|#:package +$from(@| *$)" "$file"; then
    sed -E -i \
      -e "s/(#r \\\\?\"nuget: *)$from( *,)/\\1$to\\2/g" \
      -e "s/(#:package +)$from(@| *$)/\\1$to\\2/g" "$file"
    echo "switched $from -> $to in ${file#"$repo"/}"
    changed=$((changed + 1))
  fi
done

if [ -f "$tests" ] && grep -q "PackageReference Include=\"$from\"" "$tests"; then
  sed -i "s/PackageReference Include=\"$from\"/PackageReference Include=\"$to\"/" "$tests"
  echo "switched $from -> $to in ${tests#"$repo"/}"
  changed=$((changed + 1))
fi

if [ -f "$props" ]; then
  if [ "$mode" = cuda ] && ! grep -q 'PackageVersion Include="TorchSharp-cuda-linux"' "$props"; then
    version="$(sed -nE 's/.*PackageVersion Include="TorchSharp-cpu" Version="([^"]+)".*/\1/p' "$props")"
    [ -n "$version" ] || { echo "no TorchSharp-cpu version in $props" >&2; exit 1; }
    # Same indentation, right after the CPU package's line.
    sed -E -i "s|^( *)(<PackageVersion Include=\"TorchSharp-cpu\" Version=\"$version\" />.*)$|\\1\\2\\n\\1<PackageVersion Include=\"TorchSharp-cuda-linux\" Version=\"$version\" /> $marker|" "$props"
    echo "added TorchSharp-cuda-linux $version to Directory.Packages.props"
    changed=$((changed + 1))
  elif [ "$mode" = cpu ] && grep -qF "$marker" "$props"; then
    sed -i "\\|$marker|d" "$props"
    echo "removed TorchSharp-cuda-linux from Directory.Packages.props"
    changed=$((changed + 1))
  fi
fi

echo "use-cuda: $mode ($changed file(s) changed)"
