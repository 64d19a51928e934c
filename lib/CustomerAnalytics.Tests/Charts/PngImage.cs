using System.Buffers.Binary;
using System.IO.Compression;

namespace CustomerAnalytics.Tests.Charts;

/// <summary>
/// A minimal PNG decoder for assertions (System.Drawing is not available on Linux): 8-bit
/// RGB or RGBA, not interlaced, which is what chromium writes.
/// </summary>
internal sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public int Width { get; }
    public int Height { get; }
    private readonly byte[] rgba;

    private PngImage(int width, int height, byte[] rgba) { Width = width; Height = height; this.rgba = rgba; }

    public static bool HasSignature(byte[] bytes) => bytes.Length >= 8 && bytes.AsSpan(0, 8).SequenceEqual(Signature);

    /// <summary>Width and height from the IHDR chunk, without decoding pixels.</summary>
    public static (int Width, int Height) ReadSize(byte[] bytes)
    {
        Assert.True(HasSignature(bytes), "not a PNG: the 8-byte signature is missing");
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    public static PngImage Decode(byte[] bytes)
    {
        var (width, height) = ReadSize(bytes);
        int bitDepth = bytes[24], colorType = bytes[25], interlace = bytes[28];
        Assert.True(bitDepth == 8 && colorType is 2 or 6 && interlace == 0,
            $"test decoder handles 8-bit RGB/RGBA non-interlaced PNGs only (got depth {bitDepth}, colour type {colorType}, interlace {interlace})");
        var channels = colorType == 6 ? 4 : 3;

        using var idat = new MemoryStream();
        for (var at = 8; at < bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4);
            if (type == "IDAT") idat.Write(bytes, at + 8, length);
            if (type == "IEND") break;
            at += 12 + length; // length, type, data, crc
        }
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress)) z.CopyTo(inflated);
        var raw = inflated.ToArray();

        var stride = width * channels;
        Assert.Equal((stride + 1) * height, raw.Length);
        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var line = raw.AsSpan(y * (stride + 1) + 1, stride);
            for (var x = 0; x < stride; x++)
            {
                int a = x >= channels ? pixels[y * stride + x - channels] : 0;
                int b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
                int c = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
                var predicted = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"bad PNG filter {filter} on row {y}"),
                };
                pixels[y * stride + x] = (byte)(line[x] + predicted);
            }
        }

        var result = new byte[width * height * 4];
        for (var i = 0; i < width * height; i++)
        {
            Array.Copy(pixels, i * channels, result, i * 4, 3);
            result[i * 4 + 3] = channels == 4 ? pixels[i * channels + 3] : (byte)255;
        }
        return new PngImage(width, height, result);
    }

    /// <summary>The pixel as 0xRRGGBB, composited over white (transparent counts as white).</summary>
    public int Rgb(int x, int y)
    {
        var i = (y * Width + x) * 4;
        int alpha = rgba[i + 3];
        int Over(int v) => (v * alpha + 255 * (255 - alpha)) / 255;
        return (Over(rgba[i]) << 16) | (Over(rgba[i + 1]) << 8) | Over(rgba[i + 2]);
    }

    public IEnumerable<int> Pixels()
    {
        for (var y = 0; y < Height; y++)
            for (var x = 0; x < Width; x++)
                yield return Rgb(x, y);
    }

    public int DistinctColors() => Pixels().Distinct().Count();

    /// <summary>Share of pixels that are not (near) white.</summary>
    public double NonWhiteShare() => Pixels().Count(p => Distance(p, 0xFFFFFF) > 24) / (double)(Width * Height);

    /// <summary>Share of pixels within a small distance of <paramref name="rgb"/>.</summary>
    public double ShareNear(int rgb, int tolerance = 12) => Pixels().Count(p => Distance(p, rgb) <= tolerance) / (double)(Width * Height);

    private static int Distance(int p, int q) =>
        Math.Abs((p >> 16) - (q >> 16)) + Math.Abs(((p >> 8) & 0xFF) - ((q >> 8) & 0xFF)) + Math.Abs((p & 0xFF) - (q & 0xFF));

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
