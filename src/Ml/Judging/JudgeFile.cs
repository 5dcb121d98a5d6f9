using System.Text.Json;
using TorchSharp;
using VaeFaces.Contracts;
using VaeFaces.Ml.Model;

namespace VaeFaces.Ml.Judging;

/// <summary>A trained judge on disk: its weights, and its options (side, attributes in logit order) as JSON beside them.</summary>
public static class JudgeFile
{
    public const string WeightsName = "judge.bin";
    public const string OptionsName = "judge.json";
    public const string MetricsName = "judge_metrics.json";

    public static void SaveWeights(Stream stream, AttributeClassifier model)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        model.save(writer);
    }

    public static string OptionsJson(AttributeClassifierOptions options) => JsonSerializer.Serialize(options, JobJson.Indented);

    /// <summary>The judge, on the best device, in eval mode.</summary>
    public static AttributeJudge Load(Stream weights, string optionsJson)
    {
        var options = JsonSerializer.Deserialize<AttributeClassifierOptions>(optionsJson, JobJson.Options)
            ?? throw new InvalidDataException($"{OptionsName} is empty");
        var model = new AttributeClassifier(options);
        using var reader = new BinaryReader(weights, System.Text.Encoding.UTF8, leaveOpen: true);
        model.load(reader);
        model.to(Devices.Best());
        return new AttributeJudge(model);
    }
}
