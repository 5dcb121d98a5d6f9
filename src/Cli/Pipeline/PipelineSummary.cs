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
    /// <summary>The judge's test ROC AUC per attribute.</summary>
    public Dictionary<string, double> JudgeAuc { get; } = [];
    /// <summary>Per attribute, for the best method at its chosen magnitude (EvaluateEdits): success and preservation per the judge.</summary>
    public Dictionary<string, double> EditSuccess { get; } = [];
    public Dictionary<string, double> EditPreservation { get; } = [];
    public Dictionary<string, string> EditMethod { get; } = [];
    public Dictionary<string, double> EditMagnitude { get; } = [];
    /// <summary>The fraction of the calibrated bulk edit's images that reached the judge's target; null for a fixed edit.</summary>
    public double? EditReached { get; set; }
    /// <summary>Test-split reconstructions against their originals.</summary>
    public double ReconPsnr { get; set; }
    public double ReconSsim { get; set; }
    public List<string> Pngs { get; } = [];
    public Dictionary<string, double> JobSeconds { get; } = [];
    public Dictionary<string, Guid> JobIds { get; } = [];
    /// <summary>Training steps skipped for a non-finite loss or gradient, and rollbacks to a good checkpoint.</summary>
    public int SkippedSteps { get; set; }
    public int Rollbacks { get; set; }
    public double WallSeconds { get; set; }
}
