using System.Globalization;
using CustomerAnalytics.Display;

namespace CustomerAnalytics.Propensity.Data;

/// <summary>How many sessions ended in an order.</summary>
/// <param name="Sessions">All sessions.</param>
/// <param name="Orders">Sessions with ordered = 1.</param>
/// <param name="Unlabelled">Sessions without a label (scoring files).</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record ClassBalance(int Sessions, int Orders, int Unlabelled = 0) : IHtmlRenderable
{
    /// <summary>Labelled sessions that did not order.</summary>
    public int NonOrders => Sessions - Unlabelled - Orders;

    /// <summary>Share of labelled sessions that ordered.</summary>
    public double OrderRate => Sessions - Unlabelled == 0 ? 0 : (double)Orders / (Sessions - Unlabelled);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Sessions:N0} sessions: {Orders:N0} ordered ({OrderRate:P2}), {NonOrders:N0} did not{(Unlabelled > 0 ? ", " + Unlabelled.ToString("N0", CultureInfo.InvariantCulture) + " unlabelled" : "")}");

    /// <inheritdoc/>
    public string ToHtml() => Html.Table(["sessions", "ordered", "did not order", "order rate"],
        [[Sessions.ToString("N0", CultureInfo.InvariantCulture), Orders.ToString("N0", CultureInfo.InvariantCulture),
          NonOrders.ToString("N0", CultureInfo.InvariantCulture), OrderRate.ToString("P2", CultureInfo.InvariantCulture)]], "Class balance");
}
