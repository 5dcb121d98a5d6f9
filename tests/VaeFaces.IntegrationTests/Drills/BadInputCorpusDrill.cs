using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VaeFaces.Contracts;
using VaeFaces.Contracts.Api;
using VaeFaces.IntegrationTests.Distributed;
using VaeFaces.Ml.Data;
using VaeFaces.Storage;
using VaeFaces.Worker.Jobs;
using Xunit.Abstractions;

namespace VaeFaces.IntegrationTests.Drills;

/// <summary>
/// Every hole of the hardening issue as one bad input, through the real API and a real worker: each gets a clear
/// error naming what is wrong, the worker never crashes or prints a stack trace, and nothing of anyone else is lost.
/// One table row per case.
/// </summary>
[Collection(DistributedCollection.Name), Trait("Category", "Drill")]
public class BadInputCorpusDrill(DistributedFixture fixture, ITestOutputHelper output) : JobSpecs(fixture)
{
    private readonly List<(string Case, bool Passed)> results = [];

    [Fact]
    public async Task Every_bad_input_gets_a_clear_error_with_no_crash_and_nothing_lost()
    {
        using var worker = Services.StartWorker();
        var model = await Services.TrainTinyModelAsync(worker);
        var train = Services.TrainParameters(epochs: 1);

        // Refused by the API, naming the field.
        await RefusedAsync("batch size 30000", nameof(TrainModel), With(train, "batchSize", 30_000), "parameters.BatchSize");
        await RefusedAsync("epochs 2,000,000,000", nameof(TrainModel), With(train, "epochs", 2_000_000_000), "parameters.Epochs");
        await RefusedAsync("explore magnitude 1e9", nameof(ExploreAttributes),
            new { model = model.Model, vectors = model.Statistics, dataset = Services.Dataset.ToString(), magnitudes = new[] { 1e9 } }, "parameters.Magnitudes");
        await RefusedAsync("dataset location with ..", nameof(TrainModel), With(train, "dataset", $"{Services.Dataset.Container}/../../etc"), "parameters.Dataset");
        await RefusedAsync("absolute container", nameof(TrainModel), With(train, "dataset", new { container = "/etc", prefix = "passwd" }), "parameters.Dataset");
        await RefusedAsync("bulk edit writing over its input", nameof(EditImages), new
        {
            model = model.Model, vectors = model.Statistics, input = Services.Dataset.ToString(), output = Services.Dataset.ToString(),
            edits = new Dictionary<string, double> { ["Smiling"] = 1 },
        }, "parameters.Output");
        await HttpAsync("malformed body without the key", HttpStatusCode.Unauthorized,
            () => Anonymous().PostAsync("/api/jobs", new StringContent("{\"kind\": not json", Encoding.UTF8, "application/json")));
        await HttpAsync("2 MB body", HttpStatusCode.RequestEntityTooLarge,
            () => Services.Api.PostExpectingContinueAsync("/api/jobs", new StringContent($"{{\"kind\": \"TrainModel\", \"padding\": \"{new string('x', 2 << 20)}\"}}",
                Encoding.UTF8, "application/json")));
        var resubmitted = Guid.NewGuid();
        (await Services.Api.PostAsJsonAsync("/api/jobs", new { kind = nameof(GenerateSamples), parameters = model.Samples(seed: 1), jobId = resubmitted }))
            .EnsureSuccessStatusCode();
        await HttpAsync("resubmitted JobId with other parameters", HttpStatusCode.Conflict,
            () => Services.Api.PostAsJsonAsync("/api/jobs", new { kind = nameof(GenerateSamples), parameters = model.Samples(seed: 2), jobId = resubmitted }));

        // Taken by the worker, which fails the job naming the file and line, and carries on.
        await FailsAsync("image name ../../outside.jpg in the attribute file", worker, files => Rename(files, "000001.jpg", "../../outside.jpg"),
            "must be a plain file name");
        await FailsAsync("image name /dev/zero in the attribute file", worker, files => Rename(files, "000001.jpg", "/dev/zero"), "must be a plain file name");
        await FailsAsync("JPEG header claiming 60000x60000", worker,
            files => File.WriteAllBytes(Path.Combine(files, CelebAAttributes.ImageFolder, "000002.jpg"), HeaderBomb()), "000002.jpg");
        await FailsAsync("corrupt JPEG", worker,
            files => File.WriteAllBytes(Path.Combine(files, CelebAAttributes.ImageFolder, "000002.jpg"), Encoding.ASCII.GetBytes("not a jpeg")), "000002.jpg");
        await FailsAsync("missing image", worker, files => File.Delete(Path.Combine(files, CelebAAttributes.ImageFolder, "000002.jpg")), "000002.jpg");
        await OtherJobsOutputAsync(worker, model);

        // A Scheduler with a placeholder secret does not start.
        await PlaceholderKeyAsync();

        var crashed = worker.HasExited;
        var traces = worker.Output.Split('\n').Count(line => line.TrimStart().StartsWith("at VaeFaces.", StringComparison.Ordinal));
        Record("worker health over the corpus", !crashed && traces == 0, $"worker {(crashed ? "crashed" : "still running")}; stack-trace lines in its log: {traces}");
        Assert.All(results, r => Assert.True(r.Passed, r.Case));
    }

    private async Task RefusedAsync(string name, string kind, object parameters, string field)
    {
        var response = await Services.Api.PostAsJsonAsync("/api/jobs", new { kind, parameters });
        var body = await response.Content.ReadAsStringAsync();
        var errors = response.StatusCode == HttpStatusCode.BadRequest
            ? JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value[0].GetString())
            : [];
        Record(name, errors.ContainsKey(field), $"{(int)response.StatusCode}; {field}: {errors.GetValueOrDefault(field) ?? body}");
    }

    private async Task HttpAsync(string name, HttpStatusCode expected, Func<Task<HttpResponseMessage>> call)
    {
        var response = await call();
        Record(name, response.StatusCode == expected, $"{(int)response.StatusCode} {response.StatusCode}");
    }

    /// <summary>A copy of the run's faces, broken as the case says, uploaded and trained on.</summary>
    private async Task FailsAsync(string name, DotnetProcess worker, Action<string> breakIt, string named)
    {
        var files = Path.Combine(Services.Work, $"bad-{Guid.NewGuid():N}");
        CopyFolder(Path.Combine(Services.Work, "faces"), files);
        breakIt(files);
        var dataset = Services.Dataset with { Prefix = $"bad/{Path.GetFileName(files)}" };
        await Services.Blobs.UploadFolderAsync(files, dataset, null, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var id = await Services.SubmitAsync(nameof(TrainModel), With(Services.TrainParameters(epochs: 1), "dataset", dataset.ToString()));
        var done = await Services.WaitUntilFinishedAsync(id, TimeSpan.FromMinutes(3), worker);
        Record(name, done.Status == JobStatus.Failed && done.Error?.Contains(named, StringComparison.Ordinal) == true && done.Artifacts.Count == 0,
            $"{done.Status} in {clock.Elapsed.TotalSeconds:F1} s: {done.Error}");
    }

    /// <summary>A job told to write where another job's results are fails, and leaves that job's manifest and files as they were.</summary>
    private async Task OtherJobsOutputAsync(DotnetProcess worker, DrillJobs.TrainedModel model)
    {
        var first = await Services.WaitUntilFinishedAsync(await Services.SubmitAsync(nameof(GenerateSamples), model.Samples(seed: 3)), TimeSpan.FromMinutes(3), worker);
        var output = BlobLocation.Parse(first.Output);
        async Task<byte[][]> FilesAsync() => await Task.WhenAll(first.Artifacts.Select(a => Services.Blobs.ReadBytesAsync(BlobLocation.Parse(a))));
        var before = await FilesAsync();
        var id = await Services.SubmitAsync(nameof(GenerateSamples), new { model = model.Model, statistics = model.Statistics, output = output.ToString(), seed = 4 });
        var done = await Services.WaitUntilFinishedAsync(id, TimeSpan.FromMinutes(3), worker);
        var after = await FilesAsync();
        var unchanged = before.Zip(after).All(pair => pair.First.AsSpan().SequenceEqual(pair.Second));
        Record("output holding another job's results", done.Status == JobStatus.Failed && unchanged,
            $"{done.Status}: {done.Error}; the other job's {before.Length} files (manifest included) {(unchanged ? "unchanged byte for byte" : "CHANGED")}");
    }

    private async Task PlaceholderKeyAsync()
    {
        var environment = new Dictionary<string, string>(Services.Environment) { ["ASPNETCORE_URLS"] = "http://127.0.0.1:0", ["Api__Key"] = "change-me" };
        using var scheduler = DotnetProcess.Program("Scheduler", environment);
        var exitCode = await scheduler.WaitAsync(TimeSpan.FromSeconds(60));
        var lines = scheduler.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Record("Scheduler started with Api:Key=change-me", exitCode != 0 && lines.Length == 1 && lines[0].Contains("Api:Key", StringComparison.Ordinal),
            $"exit {exitCode}: {string.Join(" / ", lines)}");
    }

    private void Record(string name, bool passed, string figures)
    {
        results.Add((name, passed));
        DrillReport.Write(output, $"bad input: {name}", "a clear error naming what and where; no crash; nothing lost", passed, figures.ReplaceLineEndings(" ").Replace('|', '/'));
    }

    private HttpClient Anonymous() => new() { BaseAddress = Services.SchedulerAddress };

    private static object With(object parameters, string name, object value)
    {
        var fields = JsonSerializer.SerializeToElement(parameters).EnumerateObject().ToDictionary(p => p.Name, p => (object)p.Value);
        fields[name] = value;
        return fields;
    }

    private static void Rename(string files, string name, string to)
    {
        foreach (var file in new[] { CelebAAttributes.AttributeFile, CelebAAttributes.PartitionFile })
        {
            var path = Path.Combine(files, file);
            File.WriteAllText(path, File.ReadAllText(path).Replace(name, to, StringComparison.Ordinal));
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>A 16x16 JPEG whose frame header (SOF0) claims 60000x60000: 14 GB as RGBA if a decoder believed it.</summary>
    private static byte[] HeaderBomb()
    {
        using var bitmap = new SkiaSharp.SKBitmap(16, 16);
        bitmap.Erase(SkiaSharp.SKColors.Gray);
        var jpeg = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 90).ToArray();
        var sof = jpeg.AsSpan().IndexOf([(byte)0xFF, (byte)0xC0]);
        // FF C0, length (2), precision (1), height (2), width (2), big-endian: 60000 = 0xEA60.
        jpeg[sof + 5] = 0xEA; jpeg[sof + 6] = 0x60; jpeg[sof + 7] = 0xEA; jpeg[sof + 8] = 0x60;
        return jpeg;
    }
}
