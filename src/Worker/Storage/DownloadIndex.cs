using System.Text.Json;

namespace VaeFaces.Worker.Storage;

/// <summary>Blob name to ETag of a local copy; written after the files, so an interrupted download is redone.</summary>
internal static class DownloadIndex
{
    private const string FileName = "index.json";

    public static Dictionary<string, string> Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        return File.Exists(path)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? []
            : [];
    }

    public static void Write(string folder, Dictionary<string, string> etags)
    {
        var path = Path.Combine(folder, FileName);
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(etags));
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
