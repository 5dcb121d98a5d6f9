using System.Diagnostics;
using System.Text;

namespace VaeFaces.IntegrationTests;

/// <summary>Runs the real CLI (vaefaces.dll, built beside the tests) as a child process.</summary>
public sealed class CliProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private CliProcess(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vaefaces.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    public static CliProcess Start(params string[] arguments) => new(arguments);

    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return process.ExitCode;
    }

    public void Kill() => process.Kill(entireProcessTree: true);

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
    }
}
