using System.Text.Json;
using VaeFaces.Contracts;

namespace VaeFaces.Cli.Pipeline;

public static class JobIds
{
    /// <summary>
    /// The same step with the same parameters gets the same JobId, so rerunning a killed pipeline resumes its jobs
    /// from their checkpoints, while changed parameters make a new job.
    /// </summary>
    public static Guid For(string step, object parameters) =>
        NameGuid.FromName(step + "|" + JsonSerializer.Serialize(parameters, parameters.GetType()));
}
