using System.Text.RegularExpressions;

namespace VaeFaces.Contracts;

/// <summary>A place in blob storage: a container and a path prefix inside it (for the local store, a folder).</summary>
public sealed partial record BlobLocation(string Container, string Prefix = "")
{
    public const string ContainerRule =
        "is not a valid container name: 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit";

    public const string PrefixRule =
        "must be names separated by single '/': no leading '/', no '.' or '..' segments, no '\\' or control characters";

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

    /// <summary>Azure's container rule, kept for the local store too, so a location means the same in both.</summary>
    public static bool IsValidContainer(string? container) => container is { Length: >= 3 and <= 63 } && ContainerName().IsMatch(container);

    /// <summary>Empty (the whole container), or plain names joined by single slashes: nothing that climbs or is absolute.</summary>
    public static bool IsValidPrefix(string? prefix) => prefix is not null && (prefix.Length == 0 || prefix.Split('/').All(PlainName.IsValid));

    /// <summary>
    /// Whether one location holds the other (or they are the same): writing to one changes the other. Segment by
    /// segment, so "a/b" holds "a/b/c" but not "a/bc".
    /// </summary>
    public bool Overlaps(BlobLocation other)
    {
        if (!string.Equals(Container, other.Container, StringComparison.Ordinal)) return false;
        var (shorter, longer) = Prefix.Length <= other.Prefix.Length ? (Prefix, other.Prefix) : (other.Prefix, Prefix);
        return shorter.Length == 0 || longer == shorter || longer.StartsWith(shorter + "/", StringComparison.Ordinal);
    }

    [GeneratedRegex("^[a-z0-9](?:-?[a-z0-9])+$")]
    private static partial Regex ContainerName();
}
