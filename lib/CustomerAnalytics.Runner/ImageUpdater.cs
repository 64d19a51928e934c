namespace CustomerAnalytics.Runner;

/// <summary>Copies a notebook's chart PNGs into the repository's <c>images/&lt;notebook&gt;/</c> folder (<c>--update-images</c>).</summary>
public static class ImageUpdater
{
    /// <summary>
    /// Replaces the PNGs in <paramref name="imagesDirectory"/> with those in <paramref name="chartsDirectory"/>.
    /// Returns the copied files. When the notebook produced no PNG the folder is left alone, so a notebook
    /// that stopped drawing charts does not silently wipe the README's pictures. Beside the PNGs it writes their
    /// <see cref="ImageProvenance"/>: the hashes of the notebook's code and of the data they were made from.
    /// </summary>
    public static IReadOnlyList<string> Update(string chartsDirectory, string imagesDirectory, string repositoryRoot, string notebookPath)
    {
        var pngs = Directory.Exists(chartsDirectory)
            ? Directory.GetFiles(chartsDirectory, "*.png").Order(StringComparer.Ordinal).ToList()
            : [];
        if (pngs.Count == 0) return [];

        Directory.CreateDirectory(imagesDirectory);
        foreach (var stale in Directory.GetFiles(imagesDirectory, "*.png")) File.Delete(stale);
        var copied = pngs.Select(png => AtomicFile.Copy(png, Path.Combine(imagesDirectory, Path.GetFileName(png)))).ToList();
        ImageProvenance.Of(repositoryRoot, notebookPath, copied).Write(imagesDirectory);
        return copied;
    }
}
