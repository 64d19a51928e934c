#!/usr/bin/env bash
# Asks TorchSharp whether CUDA works on this machine: exit 0 and the device count when it does, 1 otherwise.
#
#   infra/check-cuda.sh [PACKAGE] [VERSION]   default TorchSharp-cuda-linux 0.107.0
#
# A tiny file-based app (dotnet run file.cs, .NET 10) in a temporary folder outside the repository, so the
# repository's central package versions do not apply. Its restore also fills the NuGet cache with the CUDA
# packages the notebooks load, so their first cell does not download 2 GB.
set -euo pipefail

package="${1:-TorchSharp-cuda-linux}"
version="${2:-0.107.0}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cat >"$work/check-cuda.cs" <<CS
#:package ${package}@${version}
using TorchSharp;

try
{
    // Loads the CUDA build of libtorch; throws when the package or the driver has no CUDA.
    torch.InitializeDeviceType(DeviceType.CUDA);
}
catch (Exception e)
{
    Console.WriteLine(\$"CUDA is not available: the CUDA backend did not load ({e.Message})");
    return 1;
}
var available = torch.cuda.is_available();
Console.WriteLine(\$"cuda.is_available() = {available}, devices = {torch.cuda.device_count()}");
if (!available) return 1;
var x = torch.ones(256, 256, device: torch.CUDA);
Console.WriteLine(\$"matmul on the GPU: {x.matmul(x).sum().item<float>()} (expected {256f * 256 * 256})");
return 0;
CS

cd "$work"
dotnet run check-cuda.cs
