namespace CustomerAnalytics.Sql;

/// <summary>
/// An Online Retail stock code that is not a product: postage, carriage, fees, discounts, manual and bad-debt
/// adjustments. Its lines are left out of a customer's monetary value (and out of frequency: an invoice counts as an
/// order only through its product lines). The rule is exact: a line is non-product when its StockCode, upper-cased,
/// is in <see cref="All"/> (or in the list given as <see cref="RfmOptions.NonProductStockCodes"/>).
/// </summary>
/// <param name="Code">The StockCode as the file writes it, upper case (e.g. "POST", "BANK CHARGES").</param>
/// <param name="Description">The Description the real file gives the code.</param>
/// <param name="Kind">What the line is: postage, fee, discount, adjustment.</param>
/// <remarks>
/// How the list was derived: the non-numeric stock codes (every code that is not five digits with an optional
/// letter) of three public extracts of the UCI file (28,492 lines of its first two weeks and two random samples of
/// 30,000 and 40,000 lines; the file has 541,909), with their descriptions. Those whose description names a charge or
/// an adjustment rather than goods are listed: POST, DOT, C2, M, D, S, CRUK, AMAZONFEE, BANK CHARGES. B
/// ("Adjust bad debt", on invoices numbered A..., without CustomerID) is not in those extracts; it is listed from
/// published analyses of the full file. Kept as products: DCGS... codes (goods of the dotcom gift shop),
/// gift_0001_... (gift vouchers sold) and PADS ("PADS TO MATCH ALL CUSHIONS").
/// </remarks>
public sealed record NonProductStockCode(string Code, string Description, string Kind)
{
    /// <summary>The workshop's list (see the remarks for how it was derived).</summary>
    public static IReadOnlyList<NonProductStockCode> All { get; } =
    [
        new("POST", "POSTAGE", "postage"),
        new("DOT", "DOTCOM POSTAGE", "postage"),
        new("C2", "CARRIAGE", "postage"),
        new("M", "Manual", "manual adjustment"),
        new("D", "Discount", "discount"),
        new("S", "SAMPLES", "adjustment"),
        new("CRUK", "CRUK Commission", "fee"),
        new("AMAZONFEE", "AMAZON FEE", "fee"),
        new("BANK CHARGES", "Bank Charges", "fee"),
        new("B", "Adjust bad debt", "adjustment"),
    ];

    /// <summary>The codes of <see cref="All"/>.</summary>
    public static IReadOnlyList<string> Codes { get; } = [.. All.Select(c => c.Code)];
}
