namespace VaeFaces.Contracts;

/// <summary>A place in blob storage: a container and a path prefix inside it (for the local store, a folder).</summary>
public sealed record BlobLocation(string Container, string Prefix = "")
{
    public override string ToString() => Prefix.Length == 0 ? Container : $"{Container}/{Prefix}";

    /// <summary>Parses "container/prefix/...".</summary>
    public static BlobLocation Parse(string text)
    {
        var trimmed = text.Trim().Trim('/');
        if (trimmed.Length == 0) throw new FormatException("a location needs at least a container name");
        var slash = trimmed.IndexOf('/');
        return slash < 0 ? new BlobLocation(trimmed) : new BlobLocation(trimmed[..slash], trimmed[(slash + 1)..]);
    }

    public BlobLocation Child(string name) => this with { Prefix = Prefix.Length == 0 ? name : $"{Prefix}/{name}" };
}
