using VaeFaces.Ml.Data;
using VaeFaces.Ml.Synthetic;

namespace VaeFaces.IntegrationTests;

/// <summary>One synthetic CelebA-layout set per test run, shared read-only by the tests (tests copy it before damaging it).</summary>
public sealed class SyntheticFacesFixture : IDisposable
{
    public const int Count = 600;

    public SyntheticFacesFixture()
    {
        Root = Directory.CreateTempSubdirectory("vaefaces-it-").FullName;
        Dataset = Path.Combine(Root, "faces");
        SyntheticFaceGenerator.Generate(Dataset, new SyntheticFaceOptions(Count, Seed: 11, ValidationFraction: 0.15, TestFraction: 0.25));
    }

    public string Root { get; }
    public string Dataset { get; }

    /// <summary>One split decoded through the cache, as a training job sees it.</summary>
    public DecodedImages Decode(Split split, int size = 64)
    {
        var dataset = CelebADataset.Open(Dataset);
        return new DecodedImageCache(Path.Combine(Root, ".cache")).Load(dataset, dataset.ImagesIn(split), size, false);
    }

    public string CopyDataset()
    {
        var copy = Path.Combine(Root, $"copy-{Guid.NewGuid():N}");
        foreach (var file in Directory.EnumerateFiles(Dataset, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(Dataset, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class SyntheticFacesCollection : ICollectionFixture<SyntheticFacesFixture>
{
    public const string Name = "synthetic faces";
}
