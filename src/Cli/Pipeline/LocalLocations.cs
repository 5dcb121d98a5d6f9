using VaeFaces.Contracts;

namespace VaeFaces.Cli.Pipeline;

/// <summary>The CLI's local store is rooted at "/", so a folder path is a location: first segment container, rest prefix.</summary>
public static class LocalLocations
{
    public const string StoreRoot = "/";

    public static BlobLocation Of(string folder) => BlobLocation.Parse(Path.GetFullPath(folder));

    public static string PathOf(BlobLocation location, string name = "") =>
        Path.Combine("/", location.Container, location.Prefix, name);
}
