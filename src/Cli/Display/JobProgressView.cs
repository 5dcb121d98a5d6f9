using Spectre.Console;
using VaeFaces.Contracts;

namespace VaeFaces.Cli.Display;

/// <summary>Shows a job's progress: a live bar with ETA on a terminal, a line every few seconds otherwise (CI logs).</summary>
public static class JobProgressView
{
    public static async Task<T> RunAsync<T>(string title, Func<Action<double, string>, Task<T>> work)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive) return await work(PlainReporter(title));
        return await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(title), maxValue: 1.0);
                var result = await work((fraction, detail) =>
                {
                    task.Value = Math.Clamp(fraction, 0, 1);
                    task.Description = Markup.Escape($"{title} {detail}");
                });
                task.Value = 1.0;
                return result;
            });
    }

    public static string Describe(JobProgressed progress)
    {
        var eta = progress.Eta is { } e ? $" ETA {Format(e)}" : "";
        var metrics = string.Join(" ", progress.Metrics.Where(m => m.Key is "epoch" or "loss" or "recon" or "kl")
            .Select(m => m.Key == "epoch" ? $"epoch {m.Value:0}" : $"{m.Key} {m.Value:0.0000}"));
        return $"[{progress.Stage}{eta}{(metrics.Length > 0 ? ", " + metrics : "")}]";
    }

    public static string Format(TimeSpan span) => span.TotalHours >= 1 ? span.ToString(@"h\:mm\:ss") : span.ToString(@"m\:ss");

    private static Action<double, string> PlainReporter(string title)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var last = TimeSpan.FromSeconds(-100);
        return (fraction, detail) =>
        {
            if (clock.Elapsed - last < TimeSpan.FromSeconds(10) && fraction < 1) return;
            last = clock.Elapsed;
            Console.WriteLine($"{title} {fraction,6:P1} {detail}");
        };
    }
}
