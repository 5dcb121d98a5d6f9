using System.Diagnostics;
using System.Text;

namespace VaeFaces.IntegrationTests;

/// <summary>Runs one of the real programs built beside the tests (the CLI, a worker, the Scheduler) as a child process.</summary>
public sealed class DotnetProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private DotnetProcess(string dll, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => process.Id;
    public bool HasExited => process.HasExited;

    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    public static DotnetProcess Cli(params string[] arguments) => new("vaefaces.dll", arguments, null);

    public static DotnetProcess Cli(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        new("vaefaces.dll", arguments, environment);

    /// <summary>A program of the solution, from its own build output (its dependencies differ from the tests').</summary>
    public static DotnetProcess Program(string project, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        // .../tests/VaeFaces.IntegrationTests/bin/<Configuration>/<framework>/
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(Distributed.LocalServices.RepoRoot, "src", project, "bin", output.Parent!.Name, output.Name, $"VaeFaces.{project}.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"{dll} is not built; build the solution first", dll);
        return new(dll, arguments, environment);
    }

    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return process.ExitCode;
    }

    /// <summary>Waits until a line of output contains the text.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (process.HasExited) throw new InvalidOperationException($"process exited ({process.ExitCode}) before printing '{text}':\n{Output}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"no '{text}' within {timeout}:\n{Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>SIGKILL: the process dies at once, as when a machine is lost.</summary>
    public void Kill() => process.Kill(entireProcessTree: true);

    /// <summary>SIGTERM, as `docker stop` or a Kubernetes scale-down sends it (Process.Kill is SIGKILL).</summary>
    public Task TerminateAsync() => Distributed.LocalServices.RunToolAsync("kill", null, "-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    private bool disposed;

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
    }
}
