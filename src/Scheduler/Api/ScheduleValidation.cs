using System.Text.Json;
using System.Text.RegularExpressions;
using Cronos;
using VaeFaces.Contracts;
using VaeFaces.Contracts.Api;
using VaeFaces.Messaging.Pipeline;
using VaeFaces.Scheduler.Jobs;

namespace VaeFaces.Scheduler.Api;

/// <summary>Checks a PUT /api/schedules/{name}: every problem, keyed by field, so one 400 names them all.</summary>
public static partial class ScheduleValidation
{
    /// <summary>Field to problems; empty when the schedule can be stored.</summary>
    public static Dictionary<string, string[]> Problems(string name, ScheduleRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (!ScheduleName().IsMatch(name)) errors["name"] = ["must be 1-63 lowercase letters, digits and hyphens"];
        if (ParseCron(request.Cron) is null) errors["cron"] = [$"'{request.Cron}' is not a cron expression (minute hour day month weekday, UTC)"];
        var then = request.Then ?? [];
        var (template, templateErrors) = JobCommands.Build(request.Kind, request.Parameters, Guid.NewGuid());
        List<string> thenProblems = [];
        if (then.Count > 0 && request.Kind != nameof(TrainModel)) thenProblems.Add("only a TrainModel schedule chains jobs on its model");
        // A template with bad parameters still makes a model: the steps are checked against what a TrainModel makes.
        var first = template ?? TrainModel.Defaults with { JobId = Guid.NewGuid(), Dataset = new("dataset"), Output = new("model") };
        thenProblems.AddRange(JobPipeline.ChainProblems(first, then));
        if (thenProblems.Count > 0) errors["then"] = [.. thenProblems];
        if (request.Parameters.ValueKind == JsonValueKind.Object && request.Parameters.EnumerateObject()
                .Any(p => p.Name.Equals("output", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind != JsonValueKind.String))
            errors["parameters.output"] = ["must be a \"container/prefix\" string; each fire writes under it"];
        // The template must make a valid job, checked now rather than at 3 a.m.
        foreach (var (field, problems) in templateErrors) errors[field] = problems;
        return errors;
    }

    /// <summary>Null when the text is not a five-field cron expression.</summary>
    public static CronExpression? ParseCron(string? cron)
    {
        try
        {
            return cron is null ? null : CronExpression.Parse(cron);
        }
        catch (CronFormatException)
        {
            return null;
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex ScheduleName();
}
