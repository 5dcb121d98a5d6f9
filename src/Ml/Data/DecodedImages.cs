using System.IO.MemoryMappedFiles;

namespace VaeFaces.Ml.Data;

/// <summary>
/// A set of images decoded once to size x size RGB bytes, memory-mapped from a cache file so that later epochs
/// and later jobs never decode the JPEGs again. Row i belongs to Images[i]; bad images skipped on request are absent.
/// </summary>
public sealed unsafe class DecodedImages : IDisposable
{
    private readonly MemoryMappedFile file;
    private readonly MemoryMappedViewAccessor view;
    private readonly byte* pixels;

    internal DecodedImages(string path, IReadOnlyList<DatasetImage> images, int size, int skipped)
    {
        Path = path;
        Images = images;
        Size = size;
        Skipped = skipped;
        file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        view = file.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        byte* start = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
        pixels = start + view.PointerOffset;
    }

    /// <summary>The cache file the images are mapped from.</summary>
    public string Path { get; }
    public IReadOnlyList<DatasetImage> Images { get; }
    public int Count => Images.Count;
    public int Size { get; }
    public int Skipped { get; }
    public int BytesPerImage => Size * Size * 3;

    public ReadOnlySpan<byte> this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            return new ReadOnlySpan<byte>(pixels + (long)index * BytesPerImage, BytesPerImage);
        }
    }

    /// <summary>Writes image rows as float CHW in [0, 1] into target (count * 3 * size * size).</summary>
    public void CopyAsFloats(ReadOnlySpan<int> rows, Span<float> target)
    {
        for (var n = 0; n < rows.Length; n++)
        {
            PixelLayout.HwcBytesToChwFloats(this[rows[n]], target.Slice(n * BytesPerImage, BytesPerImage));
        }
    }

    public void Dispose()
    {
        view.SafeMemoryMappedViewHandle.ReleasePointer();
        view.Dispose();
        file.Dispose();
    }
}
