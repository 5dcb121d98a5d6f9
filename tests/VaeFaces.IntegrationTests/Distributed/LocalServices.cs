using System.Diagnostics;

namespace VaeFaces.IntegrationTests.Distributed;

/// <summary>
/// RabbitMQ, Azurite and PostgreSQL started natively by the repo's own script (deploy/local/services). When they
/// cannot be started the tests fail with the script's output; they are never skipped.
/// </summary>
public static class LocalServices
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Script => Path.Combine(RepoRoot, "deploy", "local", "services");

    /// <summary>Starts the services (a no-op when they run) and returns their connection settings as environment variables.</summary>
    public static async Task<Dictionary<string, string>> StartAsync(IReadOnlyDictionary<string, string>? overrides = null, params string[] names)
    {
        await RunAsync(overrides, ["start", .. names]);
        var variables = new Dictionary<string, string>();
        foreach (var line in (await RunAsync(overrides, ["env"])).Split('\n'))
        {
            var text = line.Trim();
            if (text.StartsWith("export ", StringComparison.Ordinal)) text = text[7..];
            var equals = text.IndexOf('=');
            if (equals <= 0) continue;
            variables[text[..equals]] = text[(equals + 1)..].Trim('\'', '"');
        }
        return variables;
    }

    public static Task<string> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        RunToolAsync(Script, environment, arguments);

    public static async Task<string> RunToolAsync(string tool, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        return await stdout;
    }

    private static string FindRepoRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "VaeFaces.sln"))) return folder.FullName;
        throw new InvalidOperationException("VaeFaces.sln not found above " + AppContext.BaseDirectory);
    }
}
