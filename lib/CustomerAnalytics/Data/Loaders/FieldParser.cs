using System.Globalization;

namespace CustomerAnalytics.Data;

/// <summary>Culture-invariant parsing of one field per column type.</summary>
internal static class FieldParser
{
    private const NumberStyles IntegerStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;
    // No thousands separators: "1,234" in a CSV is far more likely a shifted column than a number.
    private const NumberStyles DecimalStyle = IntegerStyle | NumberStyles.AllowDecimalPoint;
    private const NumberStyles DoubleStyle = NumberStyles.Float;

    public static bool TryParseInt64(ReadOnlySpan<char> s, bool allowWholeDecimal, out long value)
    {
        if (long.TryParse(s, IntegerStyle, CultureInfo.InvariantCulture, out value)) return true;
        if (!allowWholeDecimal) return false;
        // "17850.0": a whole number written as a decimal, as spreadsheets export IDs of columns with blanks.
        var t = s.Trim();
        int dot = t.IndexOf('.');
        if (dot <= 0 || t[(dot + 1)..].ContainsAnyExcept('0')) return false;
        return long.TryParse(t[..dot], IntegerStyle, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryParseDecimal(ReadOnlySpan<char> s, out decimal value) =>
        decimal.TryParse(s, DecimalStyle, CultureInfo.InvariantCulture, out value);

    public static bool TryParseDouble(ReadOnlySpan<char> s, out double value) =>
        double.TryParse(s, DoubleStyle, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    public static bool TryParseTimestamp(ReadOnlySpan<char> s, IReadOnlyList<string> formats, out DateTime value)
    {
        s = s.Trim();
        foreach (var format in formats)
        {
            // The ISO form is by far the most common; parse it by hand (several times faster than ParseExact).
            if (format == "yyyy-MM-dd HH:mm:ss" ? TryParseIso(s, out value)
                : DateTime.TryParseExact(s, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
                return true;
        }
        value = default;
        return false;
    }

    public static bool TryParseBinary(ReadOnlySpan<char> s, out sbyte value)
    {
        s = s.Trim();
        value = s.Length == 1 && s[0] is '0' or '1' ? (sbyte)(s[0] - '0') : (sbyte)-1;
        return value >= 0;
    }

    private static bool TryParseIso(ReadOnlySpan<char> s, out DateTime value)
    {
        value = default;
        if (s.Length != 19 || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || s[16] != ':') return false;
        if (!Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day) ||
            !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute) || !Digits(s, 17, 2, out var second))
            return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) ||
            hour > 23 || minute > 59 || second > 59)
            return false;
        value = new DateTime(year, month, day, hour, minute, second);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (int i = start; i < start + count; i++)
        {
            int d = s[i] - '0';
            if ((uint)d > 9) return false;
            value = value * 10 + d;
        }
        return true;
    }
}
