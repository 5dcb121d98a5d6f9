using Spectre.Console;
using VaeFaces.Contracts.Api;

namespace VaeFaces.Cli.Display;

/// <summary>Schedules as the Scheduler reports them. Cron expressions are UTC; fire times show in local time.</summary>
public static class ScheduleViews
{
    public static void WriteDetails(ScheduleView schedule)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        grid.AddRow("[grey]name[/]", Markup.Escape(schedule.Name));
        grid.AddRow("[grey]cron (UTC)[/]", Markup.Escape(schedule.Cron));
        grid.AddRow("[grey]kind[/]", Markup.Escape(schedule.Kind));
        grid.AddRow("[grey]then[/]", Markup.Escape(string.Join(", ", schedule.Then)));
        grid.AddRow("[grey]parameters[/]", Markup.Escape(schedule.Parameters.GetRawText()));
        grid.AddRow("[grey]next fire[/]", JobViews.Time(schedule.NextFireAt));
        grid.AddRow("[grey]last fire[/]", JobViews.Time(schedule.LastFireAt));
        grid.AddRow("[grey]last job[/]", schedule.LastJobId?.ToString() ?? "");
        Output.Write(grid);
    }

    public static void WriteTable(IReadOnlyCollection<ScheduleView> schedules)
    {
        var table = new Table().AddColumns("name", "cron (UTC)", "kind", "then", "next fire", "last fire", "last job");
        foreach (var s in schedules)
            table.AddRow(Markup.Escape(s.Name), Markup.Escape(s.Cron), Markup.Escape(s.Kind), Markup.Escape(string.Join(", ", s.Then)),
                JobViews.Time(s.NextFireAt), JobViews.Time(s.LastFireAt), s.LastJobId?.ToString() ?? "");
        Output.Write(table);
    }
}
