using System.Globalization;
using System.Text;

namespace CustomerAnalytics;

/// <summary>
/// Writes a file so that a crash never leaves it half-written: the content goes to a temporary file in the same
/// folder (<c>name.tmp-PID-RANDOM</c>), is flushed to disk, and is then moved over <c>name</c> in one step. Readers
/// see the old file or the new one, never a part; two processes writing the same file both succeed (the last move
/// wins). Every file a later run or a user reads (results, models, the run store, charts, reports) is written
/// through here.
/// </summary>
/// <example><code>
/// AtomicFile.Write(modelPath, stream => mlContext.Model.Save(model, schema, stream));
/// </code></example>
public static class AtomicFile
{
    /// <summary>The part of a temporary file's name between the target's name and the writer's process id.</summary>
    public const string TemporaryMarker = ".tmp-";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="contents"/> as UTF-8 without a byte-order mark; returns the full path.</summary>
    public static string WriteAllText(string path, string contents) => WriteAllText(path, contents, Utf8);

    /// <summary>Writes <paramref name="contents"/> in <paramref name="encoding"/>; returns the full path.</summary>
    public static string WriteAllText(string path, string contents, Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(contents);
        ArgumentNullException.ThrowIfNull(encoding);
        return Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, encoding, bufferSize: 65536, leaveOpen: true);
            writer.Write(contents);
        });
    }

    /// <summary>Writes <paramref name="bytes"/>; returns the full path.</summary>
    public static string WriteAllBytes(string path, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return Write(path, stream => stream.Write(bytes));
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="destination"/>, replacing it in one step; returns the full path.</summary>
    public static string Copy(string source, string destination) => Write(destination, stream =>
    {
        using var input = File.OpenRead(source);
        input.CopyTo(stream);
    });

    /// <summary>
    /// Writes what <paramref name="write"/> puts into the stream it is given (e.g. ML.NET's
    /// <c>mlContext.Model.Save(model, schema, stream)</c>); returns the full path. When <paramref name="write"/>
    /// throws, the target is left as it was and the temporary file is removed.
    /// </summary>
    public static string Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        return Commit(path, temporary =>
        {
            using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 65536);
            write(stream);
            stream.Flush(flushToDisk: true);
        });
    }

    /// <summary>
    /// For a writer that only takes a path (TorchSharp's <c>Module.save</c>, <c>ZipFile</c>): <paramref name="writeFile"/>
    /// gets the temporary file's path, writes it whole, and the file is then flushed and moved into place.
    /// Returns the full path of the target.
    /// </summary>
    public static string WriteFile(string path, Action<string> writeFile)
    {
        ArgumentNullException.ThrowIfNull(writeFile);
        return Commit(path, temporary =>
        {
            writeFile(temporary);
            if (!File.Exists(temporary))
                throw new InvalidOperationException($"The writer given to AtomicFile.WriteFile wrote nothing to {temporary}: it must write the path it is given.");
            using var stream = new FileStream(temporary, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            stream.Flush(flushToDisk: true);
        });
    }

    /// <summary>True when <paramref name="path"/> is a temporary file of this class (left behind by a process that was killed).</summary>
    public static bool IsTemporary(string path) => OwnerOf(path) is not null;

    /// <summary>The process id in a temporary file's name, or null when <paramref name="path"/> is not one.</summary>
    public static int? OwnerOf(string path)
    {
        var name = Path.GetFileName(path);
        var marker = name.LastIndexOf(TemporaryMarker, StringComparison.Ordinal);
        if (marker <= 0) return null;
        var parts = name[(marker + TemporaryMarker.Length)..].Split('-');
        return parts.Length == 2 && parts[1].Length == 8 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    private static string Commit(string path, Action<string> writeTemporary)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        // Same folder, so the move is a rename on one file system; the pid says whose it is if it is left behind.
        var temporary = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(full)}{TemporaryMarker}{Environment.ProcessId}-{Random.Shared.Next():x8}"));
        try
        {
            writeTemporary(temporary);
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            try { File.Delete(temporary); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
        return full;
    }
}
