using CustomerAnalytics.Data;

namespace CustomerAnalytics.Propensity.Data;

/// <summary>The model's view of a <see cref="SessionRecord"/>: its flags by name and as the 0/1 vector ML.NET takes.</summary>
public static class SessionFeatures
{
    /// <summary>The feature names in vector order: the file's columns (<see cref="DatasetSchemas.PropensityFeatures"/>).</summary>
    public static IReadOnlyList<string> Names => DatasetSchemas.PropensityFeatures;

    /// <summary>The position of <paramref name="feature"/> in <see cref="Names"/>.</summary>
    /// <exception cref="PropensityInputException">The name is not a session feature.</exception>
    public static int IndexOf(string feature)
    {
        for (int i = 0; i < Names.Count; i++) if (Names[i] == feature) return i;
        throw new PropensityInputException($"'{feature}' is not a session feature. Features: {string.Join(", ", Names)}.", feature);
    }

    /// <summary>The flags as 0/1 floats in <see cref="Names"/> order, as ML.NET and TorchSharp take them.</summary>
    public static float[] ToFeatureVector(this SessionRecord session)
    {
        var vector = new float[session.Flags.Count];
        for (int i = 0; i < vector.Length; i++) vector[i] = session.Flags[i] ? 1f : 0f;
        return vector;
    }

    /// <summary>The flag named <paramref name="feature"/>.</summary>
    public static bool Flag(this SessionRecord session, string feature) => session.Flags[IndexOf(feature)];

    /// <summary>A copy of <paramref name="session"/> with one flag set.</summary>
    internal static SessionRecord With(SessionRecord session, int feature, bool value)
    {
        var flags = session.Flags.ToArray();
        flags[feature] = value;
        return session with { Flags = flags };
    }
}
