using VaeFaces.Ml.Training;

namespace VaeFaces.Worker.Training;

/// <summary>Appends "epoch,step,global_step,rows" per trained step, flushed at once so a killed process loses nothing it trained.</summary>
public sealed class BatchLog : IDisposable
{
    private readonly StreamWriter writer;

    public BatchLog(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        writer = new StreamWriter(path, append: true) { AutoFlush = true };
    }

    public void Write(TrainedBatch batch) =>
        writer.WriteLine($"{batch.Epoch},{batch.StepInEpoch},{batch.GlobalStep},{string.Join(' ', batch.Rows)}");

    public void Dispose() => writer.Dispose();
}
