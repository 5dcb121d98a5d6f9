using System.Text.Json;
using Azure;
using VaeFaces.Contracts;

namespace VaeFaces.Storage;

/// <summary>
/// The mirror's index.json: for each local file, the ETag and length of the blob content it holds, so a later listing
/// tells which files are still current.
/// </summary>
internal static class BlobFolderIndex
{
    public const string FileName = "index.json";

    public sealed record Entry(string ETag, long Length);

    public static Dictionary<string, Entry> Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return new(JsonSerializer.Deserialize<Dictionary<string, Entry>>(stream, JobJson.Options) ?? [], StringComparer.Ordinal);
        }
        catch (Exception e) when (e is FileNotFoundException or JsonException)
        {
            // None yet, or damaged: everything is downloaded again.
            return new Dictionary<string, Entry>(StringComparer.Ordinal);
        }
    }

    /// <summary>Written to a temporary file and renamed over the index, so it is always whole.</summary>
    public static void Write(string path, IEnumerable<KeyValuePair<string, Entry>> entries)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = File.Create(temporary))
            {
                JsonSerializer.Serialize(stream, new SortedDictionary<string, Entry>(entries.ToDictionary(), StringComparer.Ordinal), JobJson.Options);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>An ETag as text, without quotes, whether it came from a listing or a response header.</summary>
    public static string TagOf(ETag? tag)
    {
        var text = tag?.ToString() ?? "";
        if (text.StartsWith("W/", StringComparison.Ordinal)) text = text[2..];
        return text.Trim('"');
    }
}
