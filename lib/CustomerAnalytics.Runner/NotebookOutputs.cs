using System.Text;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Documents;

namespace CustomerAnalytics.Runner;

/// <summary>
/// Turns kernel events into Jupyter outputs per cell, as a notebook front end would: consecutive writes to
/// one stream merge, <c>DisplayedValue.Update</c> replaces the earlier display (even in an earlier cell),
/// the cell's value becomes an execute_result. Stdout and stderr are echoed to the console as they arrive.
/// Events come from the kernel's thread (and from background work a cell started), hence the lock.
/// </summary>
internal sealed class NotebookOutputs(string notebookName, TextWriter log) : IObserver<KernelEvent>
{
    private readonly object _gate = new();
    private readonly Dictionary<int, List<Output>> _byCell = [];
    private readonly Dictionary<string, DisplayOutput> _displaysById = [];
    private readonly List<DisplayOutput> _notYetUpdated = [];
    private List<Output>? _current;
    private int _executionCount;

    /// <summary>Routes the following events to the cell at <paramref name="cellIndex"/>.</summary>
    public void StartCell(int cellIndex, int executionCount)
    {
        lock (_gate)
        {
            _current = _byCell[cellIndex] = [];
            _executionCount = executionCount;
        }
    }

    /// <summary>Records the error of a failed cell (the kernel reports it as CommandFailed, or the runner as a timeout).</summary>
    public void AddError(int cellIndex, string name, string value, IEnumerable<string> traceback)
    {
        lock (_gate) _byCell[cellIndex].Add(new ErrorOutput(name, value, traceback.ToArray()));
    }

    /// <summary>Jupyter output elements of a cell, in the order they were produced.</summary>
    public List<InteractiveDocumentOutputElement> ElementsFor(int cellIndex)
    {
        lock (_gate)
            return _byCell.TryGetValue(cellIndex, out var outputs) ? outputs.Select(o => o.ToElement()).ToList() : [];
    }

    /// <summary>Everything the cell wrote to stdout, for tests and the result record.</summary>
    public string StdoutOf(int cellIndex)
    {
        lock (_gate)
            return _byCell.TryGetValue(cellIndex, out var outputs)
                ? string.Concat(outputs.OfType<StreamOutput>().Where(s => s.Name == "stdout").Select(s => s.Text.ToString()))
                : "";
    }

    public void OnNext(KernelEvent e)
    {
        lock (_gate)
        {
            if (_current is null) return;
            switch (e)
            {
                case StandardOutputValueProduced o:
                    AppendStream("stdout", Text(o), "  | ");
                    break;
                case StandardErrorValueProduced o:
                    AppendStream("stderr", Text(o), "  ! ");
                    break;
                case ReturnValueProduced r when Data(r) is { Count: > 0 } data:
                    _current.Add(new ResultOutput(data, _executionCount));
                    break;
                case DisplayedValueUpdated u when Data(u) is { Count: > 0 } data:
                    if (FindUpdated(u.ValueId, data) is { } shown) shown.Data = data;
                    else AddDisplay(u.ValueId, data);
                    break;
                case DisplayedValueProduced d when Data(d) is { Count: > 0 } data:
                    _notYetUpdated.Add(AddDisplay(d.ValueId, data));
                    break;
            }
        }
    }

    public void OnError(Exception error) { }

    public void OnCompleted() { }

    private DisplayOutput AddDisplay(string? valueId, Dictionary<string, object> data)
    {
        var display = new DisplayOutput(data);
        if (valueId is not null) _displaysById[valueId] = display;
        _current!.Add(display);
        return display;
    }

    // In this kernel version display(x) publishes DisplayedValueProduced under one id, while the returned
    // DisplayedValue reports its updates under another. An unknown update id is therefore linked to the most
    // recent display with the same MIME types that has not been updated yet: exact for the usual
    // "var progress = display(...); ... progress.Update(...)" pattern.
    private DisplayOutput? FindUpdated(string? valueId, Dictionary<string, object> data)
    {
        if (valueId is not null && _displaysById.TryGetValue(valueId, out var known))
        {
            _notYetUpdated.Remove(known);
            return known;
        }

        var match = _notYetUpdated.LastOrDefault(d => d.Data.Keys.Order().SequenceEqual(data.Keys.Order()));
        if (match is null) return null;
        _notYetUpdated.Remove(match);
        if (valueId is not null) _displaysById[valueId] = match;
        return match;
    }

    private void AppendStream(string name, string text, string prefix)
    {
        if (text.Length == 0) return;
        var current = _current!;
        if (current.LastOrDefault() is StreamOutput last && last.Name == name) last.Text.Append(text);
        else current.Add(new StreamOutput(name, new StringBuilder(text)));

        foreach (var line in text.TrimEnd('\n', '\r').Replace("\r\n", "\n").Split('\n'))
            log.WriteLine($"[{notebookName}] {prefix}{line}");
    }

    private static string Text(DisplayEvent e) => string.Concat(e.FormattedValues.Select(v => v.Value));

    // nbformat wants JSON mime types (application/json, *+json) as objects; the Documents writer only writes
    // strings, so they are left out rather than written invalid. HTML and plain text are what notebooks show.
    private static Dictionary<string, object> Data(DisplayEvent e) =>
        e.FormattedValues
         .Where(v => !v.SuppressDisplay && !v.MimeType.EndsWith("json", StringComparison.OrdinalIgnoreCase))
         .GroupBy(v => v.MimeType)
         .ToDictionary(g => g.Key, g => (object)g.Last().Value);

    private abstract record Output
    {
        public abstract InteractiveDocumentOutputElement ToElement();
    }

    private sealed record StreamOutput(string Name, StringBuilder Text) : Output
    {
        public override InteractiveDocumentOutputElement ToElement() => new TextElement(Text.ToString(), Name);
    }

    private sealed record DisplayOutput(Dictionary<string, object> Data) : Output
    {
        public Dictionary<string, object> Data { get; set; } = Data;
        public override InteractiveDocumentOutputElement ToElement() => new DisplayElement(new Dictionary<string, object>(Data));
    }

    private sealed record ResultOutput(Dictionary<string, object> Data, int ExecutionCount) : Output
    {
        public override InteractiveDocumentOutputElement ToElement()
        {
            var element = new ReturnValueElement { ExecutionOrder = ExecutionCount };
            foreach (var (mime, value) in Data) element.Data[mime] = value;
            return element;
        }
    }

    private sealed record ErrorOutput(string Name, string Value, string[] Traceback) : Output
    {
        public override InteractiveDocumentOutputElement ToElement() => new ErrorElement(Value, Name, Traceback);
    }
}
