using VaeFaces.Contracts;

namespace VaeFaces.Ml.Data;

/// <summary>A name joined to a folder, checked to stay inside it: the last guard after the names were read as plain names.</summary>
public static class LocalPath
{
    public static string Under(string folder, string name)
    {
        var full = Path.GetFullPath(folder);
        var root = Path.EndsInDirectorySeparator(full) ? full : full + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(Path.Combine(root, name));
        if (!PlainName.IsValid(name) || !path.StartsWith(root, StringComparison.Ordinal))
            throw new DatasetException(PlainName.Printable(name), null, $"leads outside {folder}; an image name must be {PlainName.Rule}");
        return path;
    }
}
