using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;
using VaeFaces.Contracts;
using VaeFaces.Ml.Judging;
using VaeFaces.Ml.Synthetic;
using VaeFaces.Storage;
using VaeFaces.Worker.Judging;

namespace VaeFaces.IntegrationTests.Judging;

/// <summary>The judge trained as a job on the shared synthetic faces: it must tell every drawn attribute on the test split.</summary>
[Collection(SyntheticFacesCollection.Name)]
public class JudgeTrainingSpecs(SyntheticFacesFixture faces, ITestOutputHelper output)
{
    [Fact]
    public async Task The_judge_reaches_a_test_auc_of_at_least_0_95_on_every_drawn_attribute()
    {
        await using var host = new JobHost(faces.Root);
        await host.StartAsync();
        var command = new TrainAttributeClassifier
        {
            JobId = Guid.NewGuid(), Dataset = new BlobLocation("faces"), Output = new BlobLocation($"judge-{Guid.NewGuid():N}"),
        };

        var clock = Stopwatch.StartNew();
        var manifest = await host.RunAsync(command);
        output.WriteLine($"TrainAttributeClassifier (defaults: {command.ImageSize} px, {command.Epochs} epochs, batch {command.BatchSize}, lr {command.LearningRate}) " +
            $"on {SyntheticFacesFixture.Count} faces: {clock.Elapsed.TotalSeconds:F1} s, training {manifest.TimingsSeconds.GetValueOrDefault("train"):F1} s");
        Assert.True(manifest.Status == JobStatus.Succeeded, manifest.Error);
        Assert.Contains(JudgeFile.WeightsName, manifest.Outputs);
        Assert.Contains(JudgeFile.OptionsName, manifest.Outputs);
        Assert.Contains(JudgeFile.MetricsName, manifest.Outputs);

        var metrics = await host.Store.ReadJsonAsync<JudgeMetricsDocument>(command.Output.Child(JudgeFile.MetricsName));
        Assert.NotNull(metrics);
        output.WriteLine("| attribute | test AUC | test accuracy | test positives / negatives |");
        output.WriteLine("|---|---:|---:|---:|");
        foreach (var a in metrics.Attributes)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {a.Name} | {a.TestAuc:F4} | {a.TestAccuracy:F4} | {a.TestPositives} / {a.TestNegatives} |"));

        var judged = metrics.Attributes.ToDictionary(a => a.Name);
        Assert.Equal(SyntheticFaceGenerator.DrawnAttributes.Order(), judged.Keys.Order());
        Assert.All(SyntheticFaceGenerator.DrawnAttributes, name => Assert.True(judged[name].TestAuc >= 0.95, $"{name}: test AUC {judged[name].TestAuc}"));
        Assert.Equal(judged["Smiling"].TestAuc!.Value, manifest.Metrics["auc_Smiling"], 4);
    }
}
