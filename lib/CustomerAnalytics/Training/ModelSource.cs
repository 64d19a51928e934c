using CustomerAnalytics.Display;

namespace CustomerAnalytics.Training;

/// <summary>
/// The source file of a model class, read from the repository, so a notebook can show the layers and <c>forward</c>
/// it trains exactly as the library defines them (the listing cannot drift from the code that runs).
/// </summary>
/// <param name="RelativePath">The file, relative to the repository root, with '/' separators.</param>
/// <param name="Text">The file's text.</param>
[TypeFormatterSource(typeof(NotebookFormatters))]
public sealed record ModelSource(string RelativePath, string Text) : IHtmlRenderable
{
    /// <summary>Reads the file that defines <paramref name="type"/>: <c>lib/&lt;assembly&gt;/&lt;namespace folders&gt;/&lt;type name&gt;.cs</c>.</summary>
    /// <param name="type">A library type, e.g. <c>typeof(Seq2SeqModel)</c>.</param>
    /// <param name="repositoryRoot">The repository folder (<c>workshop.Root</c>).</param>
    /// <exception cref="FileNotFoundException">No such file (the library was not built from this repository).</exception>
    public static ModelSource Of(Type type, string repositoryRoot)
    {
        var assembly = type.Assembly.GetName().Name!;
        var folders = (type.Namespace ?? assembly).Split('.');
        if (folders[0] == assembly) folders = folders[1..];
        var name = type.IsGenericType ? type.Name[..type.Name.IndexOf('`')] : type.Name;
        var relative = string.Join('/', ["lib", assembly, .. folders, name + ".cs"]);
        var path = Path.Combine(repositoryRoot, relative);
        if (!File.Exists(path))
            throw new FileNotFoundException($"The source of {type.FullName} is not at {path}. Open the notebook from a clone of the " +
                "workshop repository (workshop.Root must be that clone) and keep one type per file, named after the type.", path);
        return new ModelSource(relative, File.ReadAllText(path).ReplaceLineEndings("\n"));
    }

    /// <inheritdoc/>
    public override string ToString() => $"// {RelativePath}\n{Text}";

    /// <inheritdoc/>
    public string ToHtml() =>
        $"<div class=\"model-source\"><b>{Html.Encode(RelativePath)}</b><pre style=\"font-size:12px\"><code class=\"language-csharp\">{Html.Encode(Text)}</code></pre></div>";
}
