#!/usr/bin/env bash
# Reports the GPU as the driver sees it, then asks TorchSharp whether CUDA works on this machine and how much faster
# a matrix product is on the GPU than on the CPU. Exit 0 when CUDA works, 1 otherwise.
#
#   infra/check-cuda.sh [PACKAGE] [VERSION]   default TorchSharp-cuda-linux 0.107.0
#
# Report lines (bootstrap.sh passes them on to CloudFormation):
#   gpu: NAME (MEMORY, driver VERSION)        from nvidia-smi, one line per GPU
#   cuda: ...                                 what TorchSharp sees
#   matmul: NxN float32, CPU x ms, GPU y ms per product (zx)
#
# The TorchSharp part is a tiny file-based app (dotnet run file.cs, .NET 10) in a temporary folder outside the
# repository, so the repository's central package versions do not apply. Its restore also fills the NuGet cache with
# the CUDA packages the notebooks load, so their first cell does not download 2 GB.
set -euo pipefail

package="${1:-TorchSharp-cuda-linux}"
version="${2:-0.107.0}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if command -v nvidia-smi >/dev/null \
  && gpus="$(nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader 2>/dev/null)" \
  && [ -n "$gpus" ]; then
  while IFS=',' read -r name memory driver; do
    echo "gpu: ${name} (${memory# }, driver ${driver# })"
  done <<<"$gpus"
else
  echo "gpu: none visible (nvidia-smi is missing or lists no GPU)"
fi

cat >"$work/check-cuda.cs" <<CS
#:package ${package}@${version}
using System.Diagnostics;
using TorchSharp;

try
{
    // Loads the CUDA build of libtorch; throws when the package or the driver has no CUDA.
    torch.InitializeDeviceType(DeviceType.CUDA);
}
catch (Exception e)
{
    Console.WriteLine(\$"cuda: CUDA is not available: the CUDA backend did not load ({e.Message})");
    return 1;
}
var available = torch.cuda.is_available();
Console.WriteLine(\$"cuda: is_available() = {available}, devices = {torch.cuda.device_count()}");
if (!available) return 1;

var ones = torch.ones(256, 256, device: torch.CUDA);
var sum = ones.matmul(ones).sum().cpu().item<float>();
if (sum != 256f * 256 * 256)
{
    Console.WriteLine(\$"cuda: a matrix product on the GPU gave {sum}, expected {256f * 256 * 256}");
    return 1;
}

// The mean time of one n x n product after a warm-up. GPU calls return before the work is done; reading the
// result's sum back to the CPU waits for it, so the clock measures the product itself.
const int n = 2048, runs = 10;
double MillisecondsPerProduct(torch.Device device)
{
    var a = torch.rand(n, n, device: device);
    var b = torch.rand(n, n, device: device);
    a.matmul(b).sum().cpu().item<float>();
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < runs; i++) a.matmul(b).sum().cpu().item<float>();
    return clock.Elapsed.TotalMilliseconds / runs;
}
var cpu = MillisecondsPerProduct(torch.CPU);
var gpu = MillisecondsPerProduct(torch.CUDA);
Console.WriteLine(FormattableString.Invariant(\$"matmul: {n}x{n} float32, CPU {cpu:0.0} ms, GPU {gpu:0.00} ms per product ({cpu / gpu:0}x)"));
return 0;
CS

cd "$work"
dotnet run check-cuda.cs
