using VaeFaces.Contracts;

namespace VaeFaces.Cli.Pipeline;

/// <summary>The CLI's local store is rooted at "/", so a folder path is a location: first segment container, rest prefix.</summary>
public static class LocalLocations
{
    public const string StoreRoot = "/";

    /// <exception cref="FormatException">The folder cannot be a location: the jobs would refuse it, so say why before any work.</exception>
    public static BlobLocation Of(string folder)
    {
        var location = BlobLocation.Parse(Path.GetFullPath(folder));
        if (!BlobLocation.IsValidContainer(location.Container))
            throw new FormatException($"'{folder}': its top-level folder is the embedded store's container, and '{location.Container}' {BlobLocation.ContainerRule}");
        if (!BlobLocation.IsValidPrefix(location.Prefix))
            throw new FormatException($"'{folder}': path '{PlainName.Printable(location.Prefix)}' {BlobLocation.PrefixRule}");
        return location;
    }

    public static string PathOf(BlobLocation location, string name = "") =>
        Path.Combine("/", location.Container, location.Prefix, name);
}
