namespace CustomerAnalytics.Evaluation;

/// <summary>A truth file of the generated sample (data/truth/) is not in the layout its reader expects.
/// The message names the file, the line and the expected layout.</summary>
public sealed class TruthFileException(string message) : WorkshopException(message);
