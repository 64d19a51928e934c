namespace CustomerAnalytics.Propensity.Data;

/// <summary>Sessions handed to a propensity model cannot be used as they are: the label is absent at training,
/// a class is missing, or a feature vector has the wrong length. The message names the column and says what to do.</summary>
public sealed class PropensityInputException : WorkshopException
{
    /// <summary>The column the problem is about (for example <c>ordered</c>), when there is one.</summary>
    public string? Column { get; }

    /// <summary>Creates the exception.</summary>
    public PropensityInputException(string message, string? column = null, Exception? inner = null) : base(message, inner) => Column = column;
}
