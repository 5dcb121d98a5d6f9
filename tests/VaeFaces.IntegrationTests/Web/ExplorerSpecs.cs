using OpenQA.Selenium.Interactions;
using VaeFaces.Contracts;
using VaeFaces.IntegrationTests.Distributed;

namespace VaeFaces.IntegrationTests.Web;

[Collection(DistributedCollection.Name)]
public class ExplorerSpecs(DistributedFixture fixture) : JobSpecs(fixture)
{
    [Fact]
    public async Task Dragging_a_slider_redraws_the_face_and_reset_brings_back_the_reconstruction()
    {
        var set = await TrainedSet.GetAsync(Services);
        using var browser = OpenExplorer(set);
        var before = ExplorerPage.Pixels(browser, "#edited");
        Assert.Equal(before, ExplorerPage.Pixels(browser, "#reconstruction"));

        // Male: the attribute that changes a synthetic face most (hair, jaw, brows).
        var slider = browser.Find("#sliders input[data-attribute=Male]");
        // A real drag: the pointer holds the thumb and moves right, as a person would.
        new Actions(browser.Driver).ClickAndHold(slider).MoveByOffset(slider.Size.Width / 2 - 4, 0).Release().Perform();
        var value = double.Parse(slider.GetDomProperty("value")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(value, 3, 5);
        ExplorerPage.WaitForEdits(browser, $"{slider.GetAttribute("data-attribute")}:{value:0.0}");
        var after = ExplorerPage.Pixels(browser, "#edited");
        // The test's small model moves faces gently: on average by more than 0.3 levels of 255 (the same decode gives 0).
        var change = before.Zip(after, (a, b) => Math.Abs(a - b)).Average();
        Assert.True(change > 0.3, $"moving Male to {value} changed the pixels by {change:0.00} levels of 255 on average");
        browser.Screenshot("explorer");

        browser.Find("#reset").Click();
        ExplorerPage.WaitForEdits(browser, "");
        Assert.Equal(before, ExplorerPage.Pixels(browser, "#edited"));

        browser.Find("#random").Click();
        browser.WaitUntil(() => browser.FindAll(".face.chosen").Count == 0 && ExplorerPage.Pixels(browser, "#reconstruction").SequenceEqual(before) == false,
            TimeSpan.FromSeconds(20), "a random face");
    }

    [Fact]
    public async Task Apply_to_a_dataset_submits_an_EditImages_job_with_the_sliders_that_appears_in_the_list()
    {
        var set = await TrainedSet.GetAsync(Services);
        using var browser = OpenExplorer(set);
        var sliders = browser.FindAll("#sliders input[type=range]");
        browser.Script("""
            for (const [slider, value] of [[arguments[0], 2.5], [arguments[1], -1.5]]) {
              slider.value = value;
              slider.dispatchEvent(new Event('input'));
              slider.dispatchEvent(new Event('change'));
            }
            """, sliders[0], sliders[1]);
        var (first, second) = (sliders[0].GetAttribute("data-attribute"), sliders[1].GetAttribute("data-attribute"));
        browser.Find("#apply").Click();
        browser.WaitUntil(() => browser.Url.AbsolutePath.StartsWith("/jobs/", StringComparison.Ordinal), TimeSpan.FromSeconds(20), "the new job's page");

        var id = Guid.Parse(browser.Url.AbsolutePath["/jobs/".Length..]);
        var job = await Services.GetAsync(id);
        Assert.Equal(nameof(EditImages), job.Kind);
        var edits = job.Parameters.GetProperty("edits");
        Assert.Equal(2.5, edits.GetProperty(first!).GetDouble());
        Assert.Equal(-1.5, edits.GetProperty(second!).GetDouble());
        Assert.Equal(set.Training.Output, job.Parameters.GetProperty("model").GetString());
        Assert.StartsWith($"{Services.Dataset.Container}/edited-", job.Output);
        Assert.Contains(nameof(EditImages), browser.Find("h1").Text);

        browser.Open("/jobs");
        Assert.Equal(nameof(EditImages), browser.Find($"tr[data-job='{id}'] a").Text);
    }

    [Fact]
    public async Task A_set_that_cannot_be_loaded_says_which_file_is_missing()
    {
        var set = await TrainedSet.GetAsync(Services);
        using var browser = new Browser(Services.SchedulerAddress);
        browser.SignInAsOperator();
        browser.Open($"/explorer?model={Uri.EscapeDataString(set.Training.Output)}&vectors={Uri.EscapeDataString(set.Training.Output)}&dataset={Uri.EscapeDataString(Services.Dataset.ToString())}");
        Assert.Equal($"no attribute vectors at {set.Training.Output}: attribute_vectors.json not found", browser.Find("#explorer-error").Text);
    }

    private Browser OpenExplorer(TrainedSet.Jobs set) => ExplorerPage.Open(Services, set);
}
