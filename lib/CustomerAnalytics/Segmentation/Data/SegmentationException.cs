namespace CustomerAnalytics.Segmentation.Data;

/// <summary>
/// The RFM table or a segmentation setting cannot be used: a column is missing or not numeric, a value is
/// missing (NaN), k is out of range, a model file is unreadable. The message names the column, row or value
/// and what to do.
/// </summary>
public sealed class SegmentationException(string message, Exception? inner = null) : WorkshopException(message, inner);
