namespace VaeFaces.Cli.Benchmarks;

/// <summary>A markdown file that measurements append sections to; made with its title and a line on what it holds.</summary>
public static class MarkdownReport
{
    public static async Task AppendAsync(string path, string header, string section, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        if (!File.Exists(path)) await File.WriteAllTextAsync(path, header, cancellationToken);
        await File.AppendAllTextAsync(path, "\n" + section, cancellationToken);
    }
}
