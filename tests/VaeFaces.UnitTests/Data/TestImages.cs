using SkiaSharp;
using VaeFaces.Ml.Data;

namespace VaeFaces.UnitTests.Data;

/// <summary>Tiny CelebA-layout folders with solid-colour JPEGs, for data tests that need no model.</summary>
internal static class TestImages
{
    public static string Folder(int count, Func<int, Split>? split = null)
    {
        var root = Directory.CreateTempSubdirectory("vaefaces-test-").FullName;
        Directory.CreateDirectory(Path.Combine(root, CelebAAttributes.ImageFolder));
        var files = Enumerable.Range(1, count).Select(i => $"{i:D6}.jpg").ToArray();
        for (var i = 0; i < count; i++)
            File.WriteAllBytes(Path.Combine(root, CelebAAttributes.ImageFolder, files[i]), Jpeg(new SKColor((byte)(i * 10), 100, 200)));
        using (var writer = new StreamWriter(Path.Combine(root, CelebAAttributes.AttributeFile)))
            CelebAAttributeFile.Write(writer, new AttributeTable(["Smiling"], files, files.Select((_, i) => new[] { (sbyte)(i % 2 == 0 ? 1 : -1) }).ToArray()));
        using (var writer = new StreamWriter(Path.Combine(root, CelebAAttributes.PartitionFile)))
            CelebAPartitionFile.Write(writer, files.Select((f, i) => (f, split?.Invoke(i) ?? Split.Train)));
        return root;
    }

    public static byte[] Jpeg(SKColor colour, int width = 178, int height = 218)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(colour);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 95);
        return data.ToArray();
    }
}
