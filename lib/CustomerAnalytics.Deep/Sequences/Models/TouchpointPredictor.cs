using System.Globalization;
using CustomerAnalytics.Display;
using CustomerAnalytics.Torch;
using CustomerAnalytics.Sequences.Data;

namespace CustomerAnalytics.Sequences.Models;

/// <summary>
/// Uses a trained model on new journeys: the next touchpoints, the predicted sequence and the probability
/// that a conversion token (a store visit) follows. Bad input is handled, not hidden: unknown touchpoints
/// become &lt;unk&gt; and over-long journeys keep their last touchpoints, both with a warning; an empty
/// journey is an error.
/// </summary>
public sealed class TouchpointPredictor(Seq2SeqModel model, Vocabulary vocabulary, string conversionToken = "visit", int samples = 200, int seed = 0)
{
    private readonly SequenceEncoder encoder = new(vocabulary, model.Options.MaxInputLength, model.Options.MaxTargetLength);

    /// <summary>Predicts for one journey (its touchpoints, oldest first).</summary>
    /// <exception cref="SequenceInputException">The journey has no touchpoints.</exception>
    public TouchpointPrediction Predict(IReadOnlyList<string> journey, int beamWidth = 3)
    {
        if (journey.Count == 0 || journey.All(string.IsNullOrWhiteSpace))
            throw new SequenceInputException("The journey is empty: give at least one touchpoint" + ExampleHint() + ".");
        var encoded = encoder.Encode([new SequencePair("journey", journey, [])], requireTarget: false);
        var pair = encoded.Pairs[0];
        var greedy = Seq2SeqDecoding.Greedy(model, [pair])[0];
        var beam = Seq2SeqDecoding.Beam(model, pair, beamWidth);
        double conversion = Seq2SeqDecoding.ProbabilityOfToken(model, [pair], vocabulary.IdOf(conversionToken), samples, seed)[0];
        var next = greedy.FirstStepProbabilities.Select((p, id) => (Token: vocabulary.TokenOf(id), Probability: (double)p))
            .Where(x => x.Probability > 0).OrderByDescending(x => x.Probability).Take(3).ToArray();
        return new TouchpointPrediction(pair.Input.Select(vocabulary.TokenOf).ToArray(), next, vocabulary.Decode(greedy.Ids), vocabulary.Decode(beam.Ids),
            conversionToken, conversion, encoded.Report.Warnings);
    }

    private string ExampleHint() => vocabulary.DataTokens.Count == 0 ? ""
        : " (for example [" + string.Join(", ", vocabulary.DataTokens.Take(2).Select(t => '"' + t + '"')) + "])";

    /// <summary>The probability that <see cref="TouchpointPrediction.ConversionToken"/> follows each journey, in the order
    /// given (estimated from sampled continuations, see <see cref="Seq2SeqDecoding.ProbabilityOfToken"/>). Journeys are truncated like in training.</summary>
    /// <exception cref="SequenceInputException">A journey has no touchpoints.</exception>
    public double[] ConversionProbabilities(IReadOnlyList<SequencePair> journeys)
    {
        var empty = journeys.FirstOrDefault(j => j.Input.Count == 0);
        if (empty is not null) throw new SequenceInputException($"Journey '{empty.Id}' is empty: give every journey at least one touchpoint.");
        var encoded = encoder.Encode(journeys, requireTarget: false);
        return Seq2SeqDecoding.ProbabilityOfToken(model, encoded.Pairs, vocabulary.IdOf(conversionToken), samples, seed);
    }

    /// <summary>Ranks customers by the probability that <see cref="TouchpointPrediction.ConversionToken"/> follows their journey,
    /// highest first: who to retarget. Journeys are truncated like in training; empty ones are skipped and counted.</summary>
    public RetargetingRanking Rank(IEnumerable<SequencePair> customers)
    {
        var encoded = encoder.Encode(customers, requireTarget: false);
        var probabilities = Seq2SeqDecoding.ProbabilityOfToken(model, encoded.Pairs, vocabulary.IdOf(conversionToken), samples, seed);
        var greedy = Seq2SeqDecoding.Greedy(model, encoded.Pairs);
        var rows = encoded.Pairs.Select((p, i) => new RetargetingCandidate(p.Id, probabilities[i],
                vocabulary.TokenOf(Array.IndexOf(greedy[i].FirstStepProbabilities, greedy[i].FirstStepProbabilities.Max())), p.Input.Length))
            .OrderByDescending(r => r.ConversionProbability).ThenBy(r => r.CustomerId, StringComparer.Ordinal).ToArray();
        return new RetargetingRanking(rows, conversionToken, encoded.Report.Warnings);
    }
}

/// <summary>A prediction for one journey.</summary>
/// <param name="Input">The touchpoints the model read (after truncation; unknown ones as &lt;unk&gt;).</param>
/// <param name="NextTouchpoints">The three most likely next touchpoints with probabilities.</param>
/// <param name="Greedy">Predicted sequence, most likely token at each step.</param>
/// <param name="Beam">Predicted sequence by beam search.</param>
/// <param name="ConversionToken">The token counted as a conversion.</param>
/// <param name="ConversionProbability">Estimated probability that it appears among the next touchpoints (from sampled continuations, see <see cref="Seq2SeqDecoding.ProbabilityOfToken"/>).</param>
/// <param name="Warnings">What was changed in the input, if anything.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record TouchpointPrediction(IReadOnlyList<string> Input, IReadOnlyList<(string Token, double Probability)> NextTouchpoints,
    IReadOnlyList<string> Greedy, IReadOnlyList<string> Beam, string ConversionToken, double ConversionProbability, IReadOnlyList<string> Warnings) : IHtmlRenderable
{
    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{string.Join(' ', Input)} -> next {string.Join(", ", NextTouchpoints.Select(n => $"{n.Token} {n.Probability:P0}"))}; greedy [{string.Join(' ', Greedy)}], beam [{string.Join(' ', Beam)}]; P({ConversionToken}) {ConversionProbability:P1}")
        + string.Concat(Warnings.Select(w => "\n  warning: " + w));

    /// <inheritdoc/>
    public string ToHtml() => Html.Table(["journey", "next touchpoints", "greedy", "beam", $"P({ConversionToken} follows)", "warnings"],
        [[string.Join(' ', Input), string.Join(", ", NextTouchpoints.Select(n => string.Create(CultureInfo.InvariantCulture, $"{n.Token} {n.Probability:P0}"))),
          string.Join(' ', Greedy), string.Join(' ', Beam), ConversionProbability.ToString("P1", CultureInfo.InvariantCulture),
          Warnings.Count == 0 ? "none" : string.Join(" ", Warnings)]]);
}

/// <summary>One customer in a retargeting list.</summary>
public sealed record RetargetingCandidate(string CustomerId, double ConversionProbability, string NextTouchpoint, int JourneyLength);

/// <summary>Customers ranked by conversion probability, highest first.</summary>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record RetargetingRanking(IReadOnlyList<RetargetingCandidate> Customers, string ConversionToken, IReadOnlyList<string> Warnings) : IHtmlRenderable
{
    /// <summary>The first <paramref name="count"/> customers.</summary>
    public IReadOnlyList<RetargetingCandidate> Top(int count) => Customers.Take(count).ToArray();

    /// <inheritdoc/>
    public string ToHtml() =>
        Html.Table(["rank", "customer", $"P({ConversionToken})", "most likely next", "journey length"],
            Customers.Take(10).Select((c, i) => new object?[] { i + 1, c.CustomerId, c.ConversionProbability.ToString("P1", CultureInfo.InvariantCulture), c.NextTouchpoint, c.JourneyLength }),
            $"Top 10 of {Customers.Count} customers to retarget") + (Warnings.Count == 0 ? "" : $"<p>{Html.Encode(string.Join(" ", Warnings))}</p>");
}
