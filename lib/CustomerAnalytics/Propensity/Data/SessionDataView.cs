using CustomerAnalytics.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CustomerAnalytics.Propensity.Data;

/// <summary>
/// Sessions as the <see cref="IDataView"/> ML.NET trainers and evaluators read: a <c>Features</c> vector of the 23 flags
/// (with the flag names as its slot names, so permutation feature importance reports features by name) and the
/// boolean <c>Label</c>.
/// </summary>
public static class SessionDataView
{
    /// <summary>The data view of <paramref name="sessions"/>, in their order (unlabelled sessions get label false).</summary>
    public static IDataView Load(MLContext ml, IEnumerable<SessionRecord> sessions) =>
        ml.Data.LoadFromEnumerable(sessions.Select(SessionInput.From), Schema());

    /// <summary>The schema of <see cref="SessionInput"/> with the feature names attached to the <c>Features</c> slots.</summary>
    public static SchemaDefinition Schema()
    {
        var schema = SchemaDefinition.Create(typeof(SessionInput));
        var names = SessionFeatures.Names.Select(n => n.AsMemory()).ToArray();
        schema[nameof(SessionInput.Features)].AddAnnotation("SlotNames",
            new VBuffer<ReadOnlyMemory<char>>(names.Length, names), new VectorDataViewType(TextDataViewType.Instance, names.Length));
        return schema;
    }
}
