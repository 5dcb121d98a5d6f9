using VaeFaces.Contracts;
using VaeFaces.Ml.Data;
using VaeFaces.Worker.Jobs;

namespace VaeFaces.Worker.Editing;

/// <summary>
/// The images to edit: a CelebA-layout folder (with its attribute and partition files when present) or a plain folder
/// of images. A complete CelebA layout is also opened as a dataset, so its images can come from the decoded cache.
/// </summary>
public sealed record EditInput(string ImageFolder, IReadOnlyList<string> Files, AttributeTable? Attributes,
    IReadOnlyDictionary<string, Split>? Partitions)
{
    public CelebADataset? Dataset { get; private init; }

    /// <summary>The dataset's images to edit, in the order of Files.</summary>
    public IReadOnlyList<DatasetImage>? DatasetImages { get; private init; }

    private static readonly string[] Extensions = [".jpg", ".jpeg", ".png"];

    public static EditInput Open(string folder, string? splitFilter)
    {
        var celebAImages = Path.Combine(folder, CelebAAttributes.ImageFolder);
        var imageFolder = Directory.Exists(celebAImages) ? celebAImages : folder;
        if (!Directory.Exists(imageFolder)) throw new DatasetException(folder, null, "input folder not found");
        var attributes = Read(folder, CelebAAttributes.AttributeFile, CelebAAttributeFile.Parse);
        var partitions = Read(folder, CelebAAttributes.PartitionFile, CelebAPartitionFile.Parse);

        IEnumerable<string> files = attributes?.Files ?? (IEnumerable<string>)Directory.EnumerateFiles(imageFolder)
            .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Select(f => Path.GetFileName(f))
            .Order(StringComparer.Ordinal);
        if (splitFilter is not null)
        {
            if (partitions is null)
                throw new JobInputException($"Split '{splitFilter}' was asked for but the input has no {CelebAAttributes.PartitionFile}");
            var split = Splits.FromName(splitFilter);
            files = files.Where(f => partitions.TryGetValue(f, out var s) && s == split);
        }
        var list = files.ToList();
        if (list.FirstOrDefault(f => !PlainName.IsValid(f)) is { } bad)
            throw new DatasetException(folder, null, $"image name '{PlainName.Printable(bad)}' must be {PlainName.Rule}");
        if (list.Count == 0) throw new DatasetException(folder, null, "no images to edit");
        if (attributes is null || partitions is null || imageFolder != celebAImages)
            return new EditInput(imageFolder, list, attributes, partitions);
        var dataset = CelebADataset.Open(folder);
        var wanted = list.ToHashSet(StringComparer.Ordinal);
        return new EditInput(imageFolder, list, attributes, partitions)
        {
            Dataset = dataset,
            DatasetImages = dataset.Images.Where(i => wanted.Contains(i.File)).ToList(),
        };
    }

    private static T? Read<T>(string folder, string name, Func<TextReader, string, T> parse) where T : class
    {
        var path = Path.Combine(folder, name);
        if (!File.Exists(path)) return null;
        using var reader = new StreamReader(path);
        return parse(reader, name);
    }
}
