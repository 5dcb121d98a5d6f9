using System.Text.Json.Serialization;

namespace VaeFaces.Cli.Pipeline;

/// <summary>OUT/summary.json of a run that failed: which job and why, and no figures, so it never reads like a result.</summary>
public sealed record PipelineFailure(string FailedJob, string Error)
{
    [JsonPropertyOrder(-1)]
    public string Status => "Failed";

    public static PipelineFailure Of(JobFailedException failed) => new(failed.Kind, failed.Reason);
}
