using System.Globalization;
using CustomerAnalytics.Display;
using static TorchSharp.torch;
using CustomerAnalytics.Torch;
using CustomerAnalytics.Evaluation;
using CustomerAnalytics.Sequences.Data;
using CustomerAnalytics.Sequences.Models;

namespace CustomerAnalytics.Sequences.Evaluation;

/// <summary>How well a sequence model predicts held-out sequences.</summary>
/// <param name="Sequences">Sequences evaluated.</param>
/// <param name="Decoding">"greedy" or "beam k".</param>
/// <param name="TokenAccuracy">Share of target positions where the decoded token equals the true one (missing positions count as wrong).</param>
/// <param name="ExactMatch">Share of sequences decoded exactly.</param>
/// <param name="NextTop1">Share where the most likely first token is the true next token.</param>
/// <param name="NextTop3">Share where the true next token is among the 3 most likely.</param>
/// <param name="Event">Token whose presence is scored as a yes/no outcome (e.g. "visit").</param>
/// <param name="EventMetrics">"Does the predicted sequence contain the event token" against "does the true target".</param>
/// <param name="Predictions">Every sequence with its prediction.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record SequenceEvaluation(int Sequences, string Decoding, double TokenAccuracy, double ExactMatch, double NextTop1, double NextTop3,
    string Event, BinaryMetrics EventMetrics, IReadOnlyList<SequencePrediction> Predictions) : IHtmlRenderable
{
    /// <summary>Evaluates <paramref name="model"/> on <paramref name="pairs"/> with greedy decoding (or beam search when
    /// <paramref name="beamWidth"/> &gt; 1), scoring presence of <paramref name="eventToken"/> as a binary outcome.</summary>
    public static SequenceEvaluation Evaluate(Seq2SeqModel model, Vocabulary vocabulary, IReadOnlyList<EncodedPair> pairs, string eventToken, int beamWidth = 1)
    {
        if (pairs.Count == 0) throw new ArgumentException("No sequences to evaluate.", nameof(pairs));
        var decoded = beamWidth > 1 ? pairs.Select(p => Seq2SeqDecoding.Beam(model, p, beamWidth)).ToArray() : Seq2SeqDecoding.Greedy(model, pairs);
        int eventId = vocabulary.IdOf(eventToken);
        long correctTokens = 0, targetTokens = 0; int exact = 0, top1 = 0, top3 = 0;
        var predictions = new List<SequencePrediction>(pairs.Count);
        var outcomes = new List<(bool, bool)>(pairs.Count);
        for (int i = 0; i < pairs.Count; i++)
        {
            var (pair, d) = (pairs[i], decoded[i]);
            targetTokens += pair.Target.Length;
            correctTokens += pair.Target.Where((t, k) => k < d.Ids.Length && d.Ids[k] == t).Count();
            if (pair.Target.AsSpan().SequenceEqual(d.Ids)) exact++;
            var ranked = d.FirstStepProbabilities.Select((p, id) => (p, id)).OrderByDescending(x => x.p).ThenBy(x => x.id).ToArray();
            if (ranked[0].id == pair.Target[0]) top1++;
            if (ranked.Take(3).Any(x => x.id == pair.Target[0])) top3++;
            outcomes.Add((pair.Target.Contains(eventId), d.Ids.Contains(eventId)));
            predictions.Add(new SequencePrediction(pair.Id, pair.Input.Select(vocabulary.TokenOf).ToArray(), pair.Target.Select(vocabulary.TokenOf).ToArray(),
                d.Ids.Select(vocabulary.TokenOf).ToArray(), ranked.Take(3).Select(x => (vocabulary.TokenOf(x.id), (double)x.p)).ToArray(), d.Attention));
        }
        double n = pairs.Count;
        return new SequenceEvaluation(pairs.Count, beamWidth > 1 ? $"beam {beamWidth}" : "greedy", (double)correctTokens / targetTokens,
            exact / n, top1 / n, top3 / n, eventToken, BinaryMetrics.From(outcomes), predictions);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Sequences} sequences ({Decoding}): token accuracy {TokenAccuracy:F3}, exact match {ExactMatch:F3}, next top-1 {NextTop1:F3}, top-3 {NextTop3:F3}; '{Event}': {EventMetrics}");

    /// <inheritdoc/>
    public string ToHtml() =>
        Html.Table(["sequences", "decoding", "token accuracy", "exact match", "next top-1", "next top-3", $"'{Event}' precision", $"'{Event}' recall", $"'{Event}' F1"],
            [[Sequences, Decoding, F(TokenAccuracy), F(ExactMatch), F(NextTop1), F(NextTop3), F(EventMetrics.Precision), F(EventMetrics.Recall), F(EventMetrics.F1)]], "Evaluation on held-out sequences")
        + EventMetrics.ToHtml();

    private static string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
}
