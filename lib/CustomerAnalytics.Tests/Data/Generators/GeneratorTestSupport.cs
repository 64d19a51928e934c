using System.Text;

namespace CustomerAnalytics.Tests.Data.Generators;

/// <summary>A folder under the temp directory, deleted on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ca-gen-" + Guid.NewGuid().ToString("N"));

    public TempFolder() => Directory.CreateDirectory(Path);

    public string Sub(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Helpers to read the generated files back in tests, independent of the library's loaders.</summary>
internal static class GeneratedCsv
{
    /// <summary>The repository root (the folder holding CustomerAnalytics.slnx).</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "CustomerAnalytics.slnx"))) return dir.FullName;
            throw new InvalidOperationException("CustomerAnalytics.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Lines of a file split on LF only (the files must not contain CR).</summary>
    public static string[] Lines(string path)
    {
        var text = File.ReadAllText(path, new UTF8Encoding(false));
        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("\n", text);
        return text[..^1].Split('\n');
    }

    /// <summary>RFC 4180 fields of one line.</summary>
    public static string[] Fields(string line, char separator = ',')
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == separator) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields.ToArray();
    }

    /// <summary>Data rows (header skipped) as field arrays, each checked to have the header's width.</summary>
    public static List<string[]> Rows(string path, char separator = ',')
    {
        var lines = Lines(path);
        int width = Fields(lines[0], separator).Length;
        var rows = lines.Skip(1).Select(l => Fields(l, separator)).ToList();
        Assert.All(rows, r => Assert.Equal(width, r.Length));
        return rows;
    }

    /// <summary>Every file under a folder, as relative path -> bytes.</summary>
    public static SortedDictionary<string, byte[]> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => System.IO.Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);

    /// <summary>Asserts two generated folders hold the same files with the same bytes.</summary>
    public static void AssertSameFiles(string expectedFolder, string actualFolder)
    {
        var expected = Snapshot(expectedFolder);
        var actual = Snapshot(actualFolder);
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (name, bytes) in expected)
            Assert.True(bytes.AsSpan().SequenceEqual(actual[name]), $"{name} differs between runs");
    }

    /// <summary>True if any file differs between the two folders.</summary>
    public static bool AnyFileDiffers(string a, string b)
    {
        var x = Snapshot(a);
        var y = Snapshot(b);
        return !x.Keys.SequenceEqual(y.Keys) || x.Any(kv => !kv.Value.AsSpan().SequenceEqual(y[kv.Key]));
    }

    /// <summary>Runs <paramref name="action"/> with a given current culture, restoring it afterwards.</summary>
    public static void WithCulture(string name, Action action)
    {
        var saved = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(name);
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(name);
            action();
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved.Item1;
            System.Globalization.CultureInfo.CurrentUICulture = saved.Item2;
        }
    }
}
