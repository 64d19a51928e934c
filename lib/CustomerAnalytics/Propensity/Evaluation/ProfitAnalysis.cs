using System.Globalization;
using CustomerAnalytics.Display;

namespace CustomerAnalytics.Propensity.Evaluation;

/// <summary>
/// The money side of a contact campaign: every contacted session costs <see cref="ContactCost"/>, and an order is worth
/// <see cref="ConversionValue"/>. The profit curve counts every order of a contacted session as won by the contact.
/// That is an assumption, and an optimistic one: a propensity model predicts who orders, not who orders because of the
/// contact, and many of those sessions would have ordered anyway. Only a randomised hold-out (or an uplift model
/// trained on one) measures what a contact adds.
/// </summary>
/// <param name="ContactCost">Cost of contacting one session (an email, a voucher, an ad impression...).</param>
/// <param name="ConversionValue">Margin of one order.</param>
public sealed record ProfitSettings(double ContactCost = 1.0, double ConversionValue = 30.0)
{
    /// <summary>
    /// Cost / value: a contact pays only if it raises the session's probability of an order by more than this. Under
    /// the curve's assumption (the contact causes every order of a contacted session, so it raises the probability by
    /// all of p), and with calibrated probabilities, that is p &gt; cost / value.
    /// </summary>
    public double BreakEvenProbability => ContactCost / ConversionValue;
}

/// <summary>The result of contacting every session at or above one threshold.</summary>
/// <param name="Threshold">The probability threshold.</param>
/// <param name="Contacted">Sessions contacted.</param>
/// <param name="Conversions">Contacted sessions that ordered.</param>
/// <param name="Profit">Conversions · value − contacted · cost: the profit if the contact caused every one of those orders.</param>
public sealed record ProfitPoint(double Threshold, int Contacted, int Conversions, double Profit);

/// <summary>
/// Profit against threshold, if the contact caused every order of a contacted session (see <see cref="ProfitSettings"/>).
/// Choosing the threshold by profit, rather than 0.5, is what a campaign needs: with orders this rare, 0.5 contacts
/// almost nobody. Compute it on the validation set, then apply the chosen threshold to the test set; compare it with
/// break-even (<see cref="BreakEvenCheck"/>) and see how far it moves on resampled sessions (<see cref="ThresholdStability"/>).
/// </summary>
/// <param name="Settings">Cost and value.</param>
/// <param name="Curve">One point per distinct probability (highest first), plus "contact nobody".</param>
/// <param name="Best">The most profitable point.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record ProfitCurve(ProfitSettings Settings, IReadOnlyList<ProfitPoint> Curve, ProfitPoint Best) : IHtmlRenderable
{
    /// <summary>Computes profit at every distinct probability and picks the best.</summary>
    public static ProfitCurve Compute(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, ProfitSettings? settings = null)
    {
        ScoreRanking.Check(probabilities, labels);
        settings ??= new ProfitSettings();
        var curve = new List<ProfitPoint> { new(1.0 + 1e-9, 0, 0, 0) };
        int contacted = 0, conversions = 0;
        foreach (var group in ScoreRanking.DescendingGroups(probabilities))
        {
            contacted += group.Length;
            conversions += group.Count(i => labels[i]);
            curve.Add(new ProfitPoint(probabilities[group[0]], contacted, conversions, conversions * settings.ConversionValue - contacted * settings.ContactCost));
        }
        var best = curve.OrderByDescending(p => p.Profit).ThenByDescending(p => p.Threshold).First();
        return new ProfitCurve(settings, curve, best);
    }

    /// <summary>What contacting every session with probability ≥ <paramref name="threshold"/> earns.</summary>
    public static ProfitPoint At(double threshold, IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, ProfitSettings settings)
    {
        ScoreRanking.Check(probabilities, labels);
        int contacted = 0, conversions = 0;
        for (int i = 0; i < probabilities.Count; i++)
        {
            if (probabilities[i] < threshold) continue;
            contacted++;
            if (labels[i]) conversions++;
        }
        return new ProfitPoint(threshold, contacted, conversions, conversions * settings.ConversionValue - contacted * settings.ContactCost);
    }

    /// <summary>Profit of contacting everyone (the campaign without a model).</summary>
    public ProfitPoint ContactEveryone => Curve[^1];

    /// <inheritdoc/>
    public string ToHtml()
    {
        string M(double v) => v.ToString("N0", CultureInfo.InvariantCulture);
        var rows = new[] { ("best threshold", Best), ("threshold 0.5", Nearest(0.5)), ("break-even: first score ≥ cost/value", Nearest(Settings.BreakEvenProbability)), ("contact everyone", ContactEveryone) };
        return Html.Table(["policy", "threshold", "contacted", "orders won", "profit"],
            rows.Select(r => new object?[] { r.Item1, r.Item2.Threshold.ToString("F4", CultureInfo.InvariantCulture), r.Item2.Contacted, r.Item2.Conversions, M(r.Item2.Profit) }),
            string.Create(CultureInfo.InvariantCulture, $"Profit if the contact caused every order of a contacted session, with contact cost {Settings.ContactCost} and order value {Settings.ConversionValue}"));
    }

    /// <summary>The curve's point for contacting every session with probability ≥ <paramref name="threshold"/>.</summary>
    public ProfitPoint Nearest(double threshold) => Curve.Where(p => p.Threshold >= threshold).OrderBy(p => p.Threshold).FirstOrDefault() ?? Curve[0];
}
