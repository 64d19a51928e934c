namespace CustomerAnalytics.Runner;

/// <summary>How a notebook run ended.</summary>
public enum NotebookStatus
{
    /// <summary>Every code cell ran without error.</summary>
    Ok,
    /// <summary>A cell threw, failed to compile, or targets a kernel other than C#; later cells were skipped.</summary>
    CellFailed,
    /// <summary>The notebook ran longer than the timeout.</summary>
    TimedOut,
    /// <summary>The file is not valid JSON or not a Jupyter notebook; nothing ran.</summary>
    InvalidNotebook,
}

/// <summary>How one code cell ended.</summary>
public enum CellStatus { Ok, Failed, TimedOut }

/// <summary>One executed code cell.</summary>
/// <param name="Number">1-based position among all cells of the source notebook, as Jupyter counts; null for the injected parameters cell.</param>
/// <param name="Status">Whether it ran without error.</param>
/// <param name="Stdout">Everything the cell wrote to standard output.</param>
/// <param name="Error">The error message when it failed.</param>
/// <param name="Elapsed">Wall-clock time of the cell.</param>
public sealed record CellResult(int? Number, CellStatus Status, string Stdout, string? Error, TimeSpan Elapsed)
{
    /// <summary>"cell 3", or "injected parameters cell".</summary>
    public string Label => Number is { } n ? $"cell {n}" : "injected parameters cell";
}

/// <summary>The outcome of running one notebook.</summary>
/// <param name="Name">Notebook file name without extension.</param>
/// <param name="SourcePath">Full path of the notebook that was run.</param>
/// <param name="ExecutedPath">The executed copy with outputs; null when the notebook could not be read.</param>
/// <param name="Status">How the run ended.</param>
/// <param name="Cells">The code cells that ran, in order (the failing one last).</param>
/// <param name="CodeCellCount">Code cells in the source notebook (the injected cell not counted).</param>
/// <param name="Elapsed">Wall-clock time including kernel start.</param>
/// <param name="Error">What went wrong, naming the notebook and cell, or null when ok.</param>
public sealed record NotebookResult(
    string Name,
    string SourcePath,
    string? ExecutedPath,
    NotebookStatus Status,
    IReadOnlyList<CellResult> Cells,
    int CodeCellCount,
    TimeSpan Elapsed,
    string? Error)
{
    /// <summary>True when every cell ran.</summary>
    public bool Succeeded => Status == NotebookStatus.Ok;

    /// <summary>Source code cells that completed without error (the injected cell not counted).</summary>
    public int ExecutedCellCount => Cells.Count(c => c.Number is not null && c.Status == CellStatus.Ok);

    /// <summary>The cell that failed or timed out, if any.</summary>
    public CellResult? FailedCell => Cells.LastOrDefault(c => c.Status != CellStatus.Ok);

    /// <summary>The folder the notebook's charts were written to (the output folder of the settings its <c>Workshop.Start()</c> was given).</summary>
    public string? ChartsDirectory { get; init; }

    /// <summary>When the run of this notebook started.</summary>
    public DateTimeOffset StartedAt { get; init; }
}
