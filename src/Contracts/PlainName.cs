namespace VaeFaces.Contracts;

/// <summary>
/// The one rule for a name that becomes one segment of a path: an image name in a dataset's files, a segment of a
/// location's path. A name that passes it cannot lead out of the folder it is joined to.
/// </summary>
public static class PlainName
{
    public const string Rule = "a plain file name (no '/' or '\\', not '.' or '..', no control characters)";

    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name) && name is not ("." or "..") && name.IndexOfAny(['/', '\\']) < 0 && !name.Any(char.IsControl)
        && !Path.IsPathRooted(name);

    /// <summary>The name for a message: control characters escaped, long names cut, so an error stays one readable line.</summary>
    public static string Printable(string name)
    {
        var escaped = string.Concat(name.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
        return escaped.Length <= 80 ? escaped : escaped[..80] + "...";
    }
}
