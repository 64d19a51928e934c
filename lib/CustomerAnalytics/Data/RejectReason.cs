namespace CustomerAnalytics.Data;

/// <summary>Why a row was rejected. Each rejected row counts once, under one reason: the first problem found (for a
/// line the CSV reader cannot split, a quote problem before the column count it causes; the row's detail lists every
/// problem the reader found).</summary>
public enum RejectReason
{
    /// <summary>A number column holds text that is not a number of that type (or has too many decimals).</summary>
    BadNumber,
    /// <summary>A timestamp or date column does not match any accepted format.</summary>
    BadTimestamp,
    /// <summary>A non-nullable column is empty.</summary>
    MissingRequiredField,
    /// <summary>The row has more or fewer fields than the header.</summary>
    WrongColumnCount,
    /// <summary>A binary column holds something other than 0 or 1.</summary>
    NotBinary,
    /// <summary>A quoted field is not closed, or text follows its closing quote.</summary>
    MalformedQuotes,
    /// <summary>A journey line has an empty input or target sequence.</summary>
    EmptySequence,
    /// <summary>A line of a JSON export is not a JSON object (cut off, or not JSON at all).</summary>
    MalformedJson,
}

/// <summary>Human wording of <see cref="RejectReason"/> values.</summary>
public static class RejectReasonText
{
    /// <summary>The reason as a short phrase, for example "bad timestamp".</summary>
    public static string Describe(this RejectReason reason) => reason switch
    {
        RejectReason.BadNumber => "bad number",
        RejectReason.BadTimestamp => "bad timestamp",
        RejectReason.MissingRequiredField => "missing required field",
        RejectReason.WrongColumnCount => "wrong column count",
        RejectReason.NotBinary => "not 0/1",
        RejectReason.MalformedQuotes => "malformed quotes",
        RejectReason.EmptySequence => "empty sequence",
        RejectReason.MalformedJson => "malformed JSON",
        _ => reason.ToString(),
    };
}
