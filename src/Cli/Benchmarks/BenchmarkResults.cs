using System.Globalization;
using System.Text;

namespace VaeFaces.Cli.Benchmarks;

public sealed record BenchmarkResults(
    string Machine,
    int ImageSize,
    int BatchSize,
    int Threads,
    int Rounds,
    double TrainRandomImagesPerSecond,
    double TrainDatasetImagesPerSecond,
    double InferenceImagesPerSecond,
    double BulkEditImagesPerSecond,
    double BulkEditColdImagesPerSecond,
    double BulkEditPlainFolderImagesPerSecond,
    double JpegDecodeImagesPerSecond,
    double JpegDecodeParallelImagesPerSecond,
    double PeakRssMiB,
    bool Tcmalloc)
{
    public double DatasetToRandomTraining => TrainDatasetImagesPerSecond / TrainRandomImagesPerSecond;
    public double BulkEditToInference => BulkEditImagesPerSecond / InferenceImagesPerSecond;

    public string ToMarkdown()
    {
        string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
        string R(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.AppendLine($"## {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {ImageSize}x{ImageSize}, batch {BatchSize}, {Threads} torch threads, tcmalloc {(Tcmalloc ? "on" : "off")}");
        text.AppendLine();
        text.AppendLine($"Machine: {Machine}. Medians of {Rounds} interleaved rounds unless marked one run.");
        text.AppendLine();
        text.AppendLine("| measurement | img/s | ratio | target |");
        text.AppendLine("|---|---:|---:|---:|");
        text.AppendLine($"| training, random tensors | {F(TrainRandomImagesPerSecond)} | | |");
        text.AppendLine($"| training, from the dataset (decoded cache + prefetch) | {F(TrainDatasetImagesPerSecond)} | {R(DatasetToRandomTraining)} x random | >= 0.90 |");
        text.AppendLine($"| inference (encode + decode, random tensors) | {F(InferenceImagesPerSecond)} | | |");
        text.AppendLine($"| bulk edit, CelebA folder, images in the decoded cache (JPEG out) | {F(BulkEditImagesPerSecond)} | {R(BulkEditToInference)} x inference | >= 0.80 |");
        text.AppendLine($"| bulk edit, CelebA folder, cold cache (decode first, then edit; one run) | {F(BulkEditColdImagesPerSecond)} | {R(BulkEditColdImagesPerSecond / InferenceImagesPerSecond)} x inference | |");
        text.AppendLine($"| bulk edit, plain image folder (JPEG decode overlapped; one run) | {F(BulkEditPlainFolderImagesPerSecond)} | {R(BulkEditPlainFolderImagesPerSecond / InferenceImagesPerSecond)} x inference | |");
        text.AppendLine($"| JPEG decode + resize, 1 thread | {F(JpegDecodeImagesPerSecond)} | | |");
        text.AppendLine($"| JPEG decode + resize, all cores | {F(JpegDecodeParallelImagesPerSecond)} | | |");
        text.AppendLine();
        text.AppendLine($"Peak RSS: {F(PeakRssMiB)} MiB.");
        return text.ToString();
    }
}
