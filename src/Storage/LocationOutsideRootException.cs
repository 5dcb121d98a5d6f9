using VaeFaces.Contracts;

namespace VaeFaces.Storage;

/// <summary>A location that would resolve outside the local store's root: refused before any file is touched.</summary>
public sealed class LocationOutsideRootException(BlobLocation location)
    : IOException($"blob location '{location}' is outside the local store's root")
{
    public BlobLocation Location { get; } = location;
}
