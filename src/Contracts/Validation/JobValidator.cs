namespace VaeFaces.Contracts.Validation;

/// <summary>
/// The parameter checks of every command, shared by the job API (400 naming each field), the workers (a Failed job
/// for a command published straight to the queue) and any service that publishes commands. Each command owns its
/// checks next to its defaults; checks that need the data (a missing model, an unknown attribute) stay in the jobs.
/// </summary>
public static class JobValidator
{
    /// <summary>Field name to problems; empty when the command is valid.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(IJobCommand command)
    {
        var errors = new ParameterErrors();
        if (command.JobId == Guid.Empty) errors.Add(nameof(IJobCommand.JobId), "must not be empty");
        errors.Location(command.Output, nameof(IJobCommand.Output));
        foreach (var (field, input) in command.InputLocations()) errors.Apart(command.Output, input, field, nameof(IJobCommand.Output));
        command.Validate(errors);
        return errors.ToDictionary();
    }

    /// <summary>All problems in one line, for a job's failure reason.</summary>
    public static string Describe(IReadOnlyDictionary<string, string[]> errors) =>
        string.Join("; ", errors.SelectMany(e => e.Value.Select(problem => $"{e.Key} {problem}")));
}
