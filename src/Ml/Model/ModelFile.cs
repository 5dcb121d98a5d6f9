using TorchSharp;
using System.Text.Json;
using VaeFaces.Contracts;

namespace VaeFaces.Ml.Model;

/// <summary>A trained model on disk: its options as JSON beside the weights, so later jobs rebuild the same architecture.</summary>
public static class ModelFile
{
    public const string WeightsName = "model.bin";
    public const string OptionsName = "model.json";

    public static void SaveWeights(Stream stream, VariationalAutoencoder model)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        model.save(writer);
    }

    public static string OptionsJson(ModelOptions options) =>
        JsonSerializer.Serialize(options, JobJson.Indented);

    public static VariationalAutoencoder Load(Stream weights, string optionsJson)
    {
        var options = JsonSerializer.Deserialize<ModelOptions>(optionsJson, JobJson.Options)
            ?? throw new InvalidDataException($"{OptionsName} is empty");
        var model = new VariationalAutoencoder(options);
        using var reader = new BinaryReader(weights, System.Text.Encoding.UTF8, leaveOpen: true);
        model.load(reader);
        model.to(Devices.Best());
        model.eval();
        return model;
    }
}
