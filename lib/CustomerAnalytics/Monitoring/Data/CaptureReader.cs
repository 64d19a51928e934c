using System.Text.Json;

namespace CustomerAnalytics.Monitoring.Data;

/// <summary>
/// Reads a capture folder back: every record of every <c>*.jsonl</c> file under it, in file and line order. A last line
/// cut short (a process killed between two flushes) is not a record: it is reported in <see cref="CaptureRead.Torn"/>
/// with its file and line; a damaged line anywhere else is an error naming them.
/// </summary>
public static class CaptureReader
{
    /// <summary>The records under <paramref name="folder"/> and the torn last lines.</summary>
    /// <exception cref="InvalidDataException">A line other than a file's unterminated last one is not a capture record.</exception>
    public static CaptureRead Read(string folder)
    {
        var records = new List<CaptureRecord>();
        var torn = new List<string>();
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray() : [];
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Length == 0) continue;
                var last = i == lines.Length - 1; // no newline after it: the write may have been cut
                try
                {
                    records.Add(JsonSerializer.Deserialize<CaptureRecord>(lines[i]) ?? throw new JsonException("null"));
                }
                catch (JsonException e)
                {
                    if (last) torn.Add($"{file}:{i + 1}");
                    else throw new InvalidDataException($"{file}, line {i + 1}: not a capture record ({e.Message}).", e);
                }
            }
        }
        return new CaptureRead(records, torn);
    }
}
