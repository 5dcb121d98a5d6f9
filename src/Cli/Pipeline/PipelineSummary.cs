using System.Text.Json;
using VaeFaces.Contracts;

namespace VaeFaces.Cli.Pipeline;

/// <summary>OUT/summary.json: the figures that say whether the run is good, where its pictures are, and how long each job took.</summary>
public sealed class PipelineSummary
{
    public static readonly JsonSerializerOptions Json = new(JobJson.Indented) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>A summary with figures is only written for a run that succeeded; a failed run writes <see cref="PipelineFailure"/>.</summary>
    public string Status => "Succeeded";
    public double ValReconMse { get; set; }
    public double BaselineReconMse { get; set; }
    public double ReconToBaselineRatio => BaselineReconMse > 0 ? Math.Round(ValReconMse / BaselineReconMse, 4) : double.NaN;
    public Dictionary<string, double> AttributeAuc { get; } = [];
    public List<string> Pngs { get; } = [];
    public Dictionary<string, double> JobSeconds { get; } = [];
    public Dictionary<string, Guid> JobIds { get; } = [];
    /// <summary>Training steps skipped for a non-finite loss or gradient, and rollbacks to a good checkpoint.</summary>
    public int SkippedSteps { get; set; }
    public int Rollbacks { get; set; }
    public double WallSeconds { get; set; }
}
