namespace VaeFaces.Ml.Data;

/// <summary>One image of a dataset: its file name, its line in the attribute file and its split.</summary>
public sealed record DatasetImage(string File, int AttributeLine, Split Split, sbyte[] Attributes);

/// <summary>A CelebA-layout folder: img_align_celeba/, list_attr_celeba.txt and list_eval_partition.txt, parsed strictly.</summary>
public sealed class CelebADataset
{
    private CelebADataset(string root, string name, AttributeTable attributes, IReadOnlyList<DatasetImage> images)
    {
        Root = root;
        Name = name;
        Attributes = attributes;
        Images = images;
    }

    public string Root { get; }
    /// <summary>The dataset as its user knows it (a blob location, for a worker's local copy), for error messages.</summary>
    public string Name { get; }
    public AttributeTable Attributes { get; }
    public IReadOnlyList<DatasetImage> Images { get; }

    public string ImagePath(DatasetImage image) => LocalPath.Under(Path.Combine(Root, CelebAAttributes.ImageFolder), image.File);

    public IReadOnlyList<DatasetImage> ImagesIn(Split split) => Images.Where(i => i.Split == split).ToList();

    public static CelebADataset Open(string root, string? name = null)
    {
        name ??= root;
        if (!Directory.Exists(root)) throw new DatasetException(name, null, "dataset folder not found");
        var attributes = ParseFile(root, name, CelebAAttributes.AttributeFile, CelebAAttributeFile.Parse);
        var partitions = ParseFile(root, name, CelebAAttributes.PartitionFile, CelebAPartitionFile.Parse);
        if (!Directory.Exists(Path.Combine(root, CelebAAttributes.ImageFolder)))
            throw new DatasetException(Path.Combine(name, CelebAAttributes.ImageFolder), null, "image folder not found");

        var images = new List<DatasetImage>(attributes.Files.Count);
        for (var row = 0; row < attributes.Files.Count; row++)
        {
            var file = attributes.Files[row];
            // Rows start on line 3, after the count and the names.
            var line = row + 3;
            if (!partitions.TryGetValue(file, out var split))
                throw new DatasetException(CelebAAttributes.PartitionFile, null,
                    $"image '{file}' ({CelebAAttributes.AttributeFile} line {line}) has no partition");
            images.Add(new DatasetImage(file, line, split, attributes.Values[row]));
        }
        return new CelebADataset(root, name, attributes, images);
    }

    private static T ParseFile<T>(string root, string datasetName, string name, Func<TextReader, string, T> parse)
    {
        var path = Path.Combine(root, name);
        if (!File.Exists(path)) throw new DatasetException(name, null, $"file not found in {datasetName}");
        using var reader = new StreamReader(path);
        return parse(reader, name);
    }
}
