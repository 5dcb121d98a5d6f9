using System.Text.Json;
using TorchSharp;
using VaeFaces.Ml.Model;
using static TorchSharp.torch;

using VaeFaces.Contracts;

namespace VaeFaces.Ml.Training;

/// <summary>Where training stands: position, history and early-stopping state. Saved with the model, optimizer and RNG.</summary>
public sealed record TrainingState
{
    public int Epoch { get; init; }
    /// <summary>Batches of Epoch already trained; 0 at an epoch boundary.</summary>
    public int StepInEpoch { get; init; }
    public long GlobalStep { get; init; }
    public double TrainLossSum { get; init; }
    public double TrainReconstructionSum { get; init; }
    public double TrainKlSum { get; init; }
    public double EpochSecondsSoFar { get; init; }
    public List<EpochMetrics> History { get; init; } = [];
    public double BestValidationReconstruction { get; init; } = double.PositiveInfinity;
    public int BestEpoch { get; init; } = -1;
    public int EpochsWithoutImprovement { get; init; }
    /// <summary>Steps skipped for a non-finite loss or gradient: in this epoch, and in the whole run.</summary>
    public int SkippedInEpoch { get; init; }
    public int SkippedSteps { get; init; }
    /// <summary>Rollbacks so far; each halves the learning rate (LearningRateScale = 0.5^Rollbacks).</summary>
    public int Rollbacks { get; init; }
    public double LearningRateScale => Math.Pow(0.5, Rollbacks);
}

/// <summary>Checkpoint file: magic, state JSON, model, best model, optimizer state, torch RNG state.</summary>
public static class TrainingCheckpoint
{
    private const string Magic = "VAEFACES-CKPT-1";

    public static void Write(Stream stream, TrainingState state, VariationalAutoencoder model,
        VariationalAutoencoder best, optim.Optimizer optimizer)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(JsonSerializer.Serialize(state, JobJson.Options));
        model.save(writer);
        best.save(writer);
        ((TorchSharp.Modules.OptimizerHelper)optimizer).save_state_dict(writer);
        using var rng = torch.random.get_rng_state();
        var bytes = rng.data<byte>().ToArray();
        writer.Write(bytes.Length);
        writer.Write(bytes);
    }

    /// <summary>Only the state at the head of a checkpoint, without its tensors.</summary>
    public static TrainingState ReadState(Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (reader.ReadString() != Magic) throw new InvalidDataException("not a VaeFaces training checkpoint");
        return JsonSerializer.Deserialize<TrainingState>(reader.ReadString(), JobJson.Options)
            ?? throw new InvalidDataException("checkpoint state is empty");
    }

    public static TrainingState Read(Stream stream, VariationalAutoencoder model, VariationalAutoencoder best,
        optim.Optimizer optimizer)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (reader.ReadString() != Magic) throw new InvalidDataException("not a VaeFaces training checkpoint");
        var state = JsonSerializer.Deserialize<TrainingState>(reader.ReadString(), JobJson.Options)
            ?? throw new InvalidDataException("checkpoint state is empty");
        model.load(reader);
        best.load(reader);
        ((TorchSharp.Modules.OptimizerHelper)optimizer).load_state_dict(reader);
        var bytes = reader.ReadBytes(reader.ReadInt32());
        using var rng = torch.tensor(bytes, dtype: ScalarType.Byte);
        torch.random.set_rng_state(rng);
        return state;
    }
}
