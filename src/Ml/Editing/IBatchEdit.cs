using VaeFaces.Ml.Imaging;

namespace VaeFaces.Ml.Editing;

/// <summary>What a bulk edit does to one batch of images. Synchronous: it runs on the model's thread.</summary>
public interface IBatchEdit
{
    int ImageSize { get; }

    EditedBatch Edit(ImageBatch images);
}

/// <summary>The edited images; Outcomes is null for a fixed edit and holds one entry per image for a calibrated one.</summary>
public sealed record EditedBatch(ImageBatch Images, IReadOnlyList<CalibrationOutcome>? Outcomes);

/// <summary>
/// One image of a calibrated edit: whether the judge's score reached the target, at what fraction of each edit's
/// bound (Scale), the score there, and the judge's probability of each of its attributes for the image written.
/// Keep is false for an image that missed when misses are left out.
/// </summary>
public sealed record CalibrationOutcome(bool Reached, double Scale, double Score, float[] Probabilities, bool Keep);

/// <summary>The tutorial's edit: every image moved by the same magnitudes.</summary>
public sealed class FixedEdit(Model.VariationalAutoencoder model, IReadOnlyList<LatentEdit> edits) : IBatchEdit
{
    public int ImageSize => model.Options.ImageSize;

    public EditedBatch Edit(ImageBatch images) => new(ImageEditor.Edit(model, images, edits), null);
}
