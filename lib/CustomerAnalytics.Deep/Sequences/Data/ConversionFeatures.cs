using Microsoft.ML;
using Microsoft.ML.Data;
using CustomerAnalytics.Torch;

namespace CustomerAnalytics.Sequences.Data;

/// <summary>
/// Features for a bag-of-touchpoints baseline that answers "does a conversion (a store visit) follow this journey?":
/// the count of every touchpoint in the input, the last touchpoint and the input length, with the label "the target
/// contains the conversion token". Touchpoints the vocabulary does not know are counted together as &lt;unk&gt;, so the
/// feature vector has the same size for every set. The order of the input is lost except for the last touchpoint:
/// that is what makes it a baseline for a sequence model.
/// </summary>
/// <param name="vocabulary">The vocabulary of the training journeys (the same as the sequence model's).</param>
/// <param name="conversionToken">The token that marks a conversion.</param>
public sealed class ConversionFeatures(Vocabulary vocabulary, string conversionToken = "visit")
{
    /// <summary>The token that marks a conversion.</summary>
    public string ConversionToken { get; } = conversionToken;

    /// <summary>What each slot of <see cref="ConversionExample.Counts"/> counts: &lt;unk&gt;, then every data token by id.</summary>
    public IReadOnlyList<string> SlotNames { get; } = [Vocabulary.Unknown, .. vocabulary.DataTokens];

    /// <summary>One example per pair, in the order given.</summary>
    /// <exception cref="SequenceInputException">A pair has no input touchpoints.</exception>
    public IReadOnlyList<ConversionExample> Build(IEnumerable<SequencePair> pairs) => pairs.Select(Example).ToArray();

    /// <summary>The examples of <paramref name="pairs"/> as an ML.NET data view with columns Id, Label (Boolean),
    /// Counts (a vector of <see cref="SlotNames"/>.Count singles), LastTouchpoint (text) and Length (single).</summary>
    public IDataView ToDataView(MLContext ml, IEnumerable<SequencePair> pairs)
    {
        var schema = SchemaDefinition.Create(typeof(ConversionExample));
        schema[nameof(ConversionExample.Counts)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, SlotNames.Count);
        return ml.Data.LoadFromEnumerable(Build(pairs), schema);
    }

    private ConversionExample Example(SequencePair pair)
    {
        if (pair.Input.Count == 0)
            throw new SequenceInputException($"Journey '{pair.Id}' has no input touchpoints: give every journey at least one (the loader rejects such lines).");
        var counts = new float[SlotNames.Count];
        foreach (var token in pair.Input)
        {
            int id = vocabulary.IdOf(token);
            counts[id == Vocabulary.UnknownId ? 0 : id - vocabulary.ReservedCount + 1]++;
        }
        var last = pair.Input[^1];
        return new ConversionExample
        {
            Id = pair.Id, Label = pair.Target.Contains(ConversionToken, StringComparer.Ordinal), Counts = counts,
            LastTouchpoint = vocabulary.Contains(last) ? last : Vocabulary.Unknown, Length = pair.Input.Count,
        };
    }
}
