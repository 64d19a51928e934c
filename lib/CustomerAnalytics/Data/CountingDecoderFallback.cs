using System.Text;

namespace CustomerAnalytics.Data;

/// <summary>Replaces undecodable bytes with U+FFFD like the default, but counts them, so a file in the wrong
/// encoding (the Kaggle copy of Online Retail is Latin-1) shows up in the report instead of passing silently.</summary>
internal sealed class CountingDecoderFallback : DecoderFallback
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public override int MaxCharCount => 1;

    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

    private sealed class Buffer(CountingDecoderFallback owner) : DecoderFallbackBuffer
    {
        private bool _pending;

        public override int Remaining => _pending ? 1 : 0;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            Interlocked.Increment(ref owner._count);
            _pending = true;
            return true;
        }

        public override char GetNextChar()
        {
            if (!_pending) return '\0';
            _pending = false;
            return '\uFFFD';
        }

        public override bool MovePrevious() => false;

        public override void Reset() => _pending = false;
    }

    /// <summary>The encoding to read with: UTF-8 (a byte order mark is honoured either way) or the one given,
    /// with this counting fallback.</summary>
    public static (Encoding Encoding, CountingDecoderFallback Counter) For(Encoding? encoding)
    {
        var counter = new CountingDecoderFallback();
        var chosen = (Encoding)(encoding ?? new UTF8Encoding(false)).Clone();
        chosen.DecoderFallback = counter;
        return (chosen, counter);
    }
}
