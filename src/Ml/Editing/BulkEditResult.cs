using VaeFaces.Ml.Imaging;

namespace VaeFaces.Ml.Editing;

/// <param name="Written">The files edited and written, in order.</param>
/// <param name="Skipped">A line per bad image skipped, naming it and its problem.</param>
/// <param name="BeforeAfter">The first written images, then their edits: two rows for a before/after grid.</param>
/// <param name="Outcomes">A calibrated edit's outcome for every image edited, written or left out, by file; empty for a fixed edit.</param>
public sealed record BulkEditResult(IReadOnlyList<string> Written, IReadOnlyList<string> Skipped, ImageBatch BeforeAfter,
    IReadOnlyDictionary<string, CalibrationOutcome> Outcomes);
