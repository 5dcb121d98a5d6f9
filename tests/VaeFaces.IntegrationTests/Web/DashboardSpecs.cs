using System.Globalization;
using VaeFaces.Contracts;
using VaeFaces.IntegrationTests.Distributed;
using VaeFaces.Storage;

namespace VaeFaces.IntegrationTests.Web;

[Collection(DistributedCollection.Name)]
public class DashboardSpecs(DistributedFixture fixture) : JobSpecs(fixture)
{
    [Fact]
    public async Task A_running_jobs_progress_advances_on_the_list_without_a_reload()
    {
        using var worker = Services.StartWorker();
        // Long enough to be still running when the test cancels it.
        var id = await Services.SubmitAsync(nameof(TrainModel), Services.TrainParameters(epochs: 40));
        await Services.WaitForAsync(id, j => j.Status == JobStatus.Running && j.Stage == "training", TimeSpan.FromMinutes(3), worker);

        using var browser = new Browser(Services.SchedulerAddress);
        browser.SignInAsOperator();
        var row = $"tr[data-job='{id}']";
        double Progress() => double.Parse(browser.Find($"{row} progress").GetDomProperty("value")!, CultureInfo.InvariantCulture);
        var first = Progress();
        // A mark the page keeps only while it is not reloaded: the numbers must come from its polling.
        browser.Script("window.unreloaded = true;");
        browser.WaitUntil(() => Progress() > first + 0.02, TimeSpan.FromMinutes(2), $"the progress of {id} to pass {first:P0}");
        Assert.Equal(true, browser.Script("return window.unreloaded === true;"));
        Assert.Equal("Running", browser.Find($"{row} .status").Text);
        browser.WaitUntil(() => System.Text.RegularExpressions.Regex.IsMatch(browser.Find($"{row} .eta").Text, @"^\d+:\d\d$"), TimeSpan.FromSeconds(30), "an ETA");
        browser.Screenshot("jobs-list");

        // The cancel button is a form with its antiforgery token; the row ends Cancelled through the same polling.
        browser.Find($"{row} button.cancel").Click();
        browser.WaitUntil(() => browser.Find($"{row} .status").Text == "Cancelled", TimeSpan.FromMinutes(1), $"{id} to show Cancelled");
    }

    [Fact]
    public async Task A_finished_jobs_page_shows_its_pictures_loss_curve_parameters_and_lineage()
    {
        var set = await TrainedSet.GetAsync(Services);
        using var browser = new Browser(Services.SchedulerAddress);
        browser.SignInAsOperator();
        browser.Open($"/jobs/{set.Training.Id}");

        Assert.Equal("Succeeded", browser.Find("#job-status").Text);
        var pictures = browser.FindAll("img.artifact").Select(i => i.GetAttribute("alt")).ToList();
        Assert.Contains("reconstructions.png", pictures);
        Assert.Contains("loss_curve.png", pictures);
        browser.Script("document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager');");
        // Rendered: every picture and the loss curve decoded to real pixels (a broken image has naturalWidth 0).
        browser.WaitUntil(() => (bool)browser.Script(
            "return [...document.querySelectorAll('img.artifact, #loss-curve')].every(i => i.complete && i.naturalWidth > 100);")!,
            TimeSpan.FromSeconds(20), "every picture to load");
        Assert.Contains("\"epochs\": 8", browser.Find("#parameters").Text);
        var files = browser.FindAll("ul.files a").Select(a => a.Text).ToList();
        Assert.Contains("model.bin", files);
        Assert.Contains("metrics.json", files);
        browser.Screenshot("job-page");

        // An artifact link streams the blob through the Scheduler: the same bytes as in Azurite.
        var metrics = (string)browser.Driver.ExecuteAsyncScript("""
            const done = arguments[arguments.length - 1];
            fetch([...document.querySelectorAll('ul.files a')].find(a => a.textContent === 'metrics.json').href).then(r => r.text()).then(done);
            """)!;
        Assert.Equal(await Services.Blobs.ReadTextAsync(BlobLocation.Parse(set.Training.Output).Child("metrics.json")), metrics);
    }

    [Fact]
    public async Task A_failed_job_shows_its_error_and_artifacts_outside_a_jobs_list_are_not_served()
    {
        using var worker = Services.StartWorker();
        var id = await Services.SubmitAsync(nameof(TrainModel), new { dataset = $"data-{Services.RunId}/no-such-folder", imageSize = 64, epochs = 1 });
        var failed = await Services.WaitUntilFinishedAsync(id, TimeSpan.FromMinutes(2), worker);
        Assert.Equal(JobStatus.Failed, failed.Status);

        using var browser = new Browser(Services.SchedulerAddress);
        browser.SignInAsOperator();
        browser.Open($"/jobs/{id}");
        Assert.Equal("Failed", browser.Find("#job-status").Text);
        Assert.Equal(failed.Error, browser.Find("#job-error").Text);

        var set = await TrainedSet.GetAsync(Services);
        var status = browser.Driver.ExecuteAsyncScript("""
            const done = arguments[arguments.length - 1];
            Promise.all(Array.prototype.slice.call(arguments, 0, -1).map(u => fetch(u).then(r => r.status))).then(done);
            """, $"/ui/jobs/{id}/artifacts/../../{set.Training.Output}/model.bin", $"/ui/jobs/{set.Training.Id}/artifacts/not-an-artifact.bin",
            $"/ui/jobs/{set.Training.Id}/artifacts/model.bin");
        Assert.Equal([404L, 404L, 200L], ((IEnumerable<object>)status!).Cast<long>());
    }
}
