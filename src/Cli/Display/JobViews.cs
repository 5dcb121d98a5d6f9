using System.Globalization;
using Spectre.Console;
using VaeFaces.Contracts;
using VaeFaces.Contracts.Api;

namespace VaeFaces.Cli.Display;

/// <summary>Jobs as the Scheduler reports them: one job's details, or a table of many.</summary>
public static class JobViews
{
    public static void WriteDetails(JobView job)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        void Row(string name, string? markup)
        {
            if (!string.IsNullOrEmpty(markup)) grid.AddRow($"[grey]{name}[/]", markup);
        }
        Row("id", job.Id.ToString());
        Row("kind", Markup.Escape(job.Kind));
        Row("status", Status(job.Status) + (job.CancelRequested && !job.Status.IsFinal() ? " [yellow](cancel requested)[/]" : ""));
        Row("progress", Percent(job.Progress));
        Row("stage", Markup.Escape(job.Stage ?? ""));
        if (job.EtaSeconds is { } eta && !job.Status.IsFinal()) Row("ETA", JobProgressView.Format(TimeSpan.FromSeconds(eta)));
        Row("metrics", Markup.Escape(string.Join("\n", job.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => $"{m.Key} {m.Value.ToString("0.#####", CultureInfo.InvariantCulture)}"))));
        Row("output", Markup.Escape(job.Output));
        Row("artifacts", Markup.Escape(string.Join("\n", job.Artifacts)));
        Row("error", job.Error is null ? null : $"[red]{Markup.Escape(job.Error)}[/]");
        Row("worker", Markup.Escape(job.Worker ?? ""));
        Row("schedule", Markup.Escape(job.Schedule ?? ""));
        Row("parent", job.ParentId?.ToString());
        Row("created", Time(job.CreatedAt));
        Row("started", Time(job.StartedAt));
        Row("finished", Time(job.FinishedAt));
        Output.Write(grid);
    }

    public static void WriteTable(IReadOnlyCollection<JobView> jobs)
    {
        var table = new Table().AddColumns("id", "kind", "status", "progress", "created", "finished");
        table.Columns[3].RightAligned();
        foreach (var job in jobs)
            table.AddRow(job.Id.ToString(), Markup.Escape(job.Kind), Status(job.Status), Percent(job.Progress), Time(job.CreatedAt), Time(job.FinishedAt));
        Output.Write(table);
    }

    public static string Status(JobStatus status) => status switch
    {
        JobStatus.Succeeded => "[green]Succeeded[/]",
        JobStatus.Failed => "[red]Failed[/]",
        JobStatus.Cancelled => "[yellow]Cancelled[/]",
        JobStatus.Running => "[blue]Running[/]",
        _ => status.ToString(),
    };

    /// <summary>The shared progress line's "[stage ETA m:ss, epoch 3 loss ...]", from a polled job view.</summary>
    public static string Describe(JobView job) => job.Status.IsFinal()
        ? $"[{job.Status}]"
        : JobProgressView.Describe(new JobProgressed(job.Id, job.Kind, job.Progress,
            job.EtaSeconds is { } eta ? TimeSpan.FromSeconds(Math.Round(eta)) : null, job.Stage ?? job.Status.ToString(), job.Metrics));

    public static string Percent(double fraction) => (fraction * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>Local time to the second: what a person compares with their own clock.</summary>
    public static string Time(DateTimeOffset? time) =>
        time?.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "";
}
