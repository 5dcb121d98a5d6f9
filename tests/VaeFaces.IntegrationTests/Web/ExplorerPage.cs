using VaeFaces.IntegrationTests.Distributed;

namespace VaeFaces.IntegrationTests.Web;

/// <summary>What the explorer's specs and its latency benchmark read off the page.</summary>
public static class ExplorerPage
{
    /// <summary>A signed-in browser on the explorer of the set, once its first face is drawn.</summary>
    public static Browser Open(DistributedFixture services, TrainedSet.Jobs set)
    {
        var browser = new Browser(services.SchedulerAddress);
        browser.SignInAsOperator();
        browser.Open($"/explorer?{set.ExplorerQuery}");
        WaitForEdits(browser, "");
        return browser;
    }

    /// <summary>The image's RGBA pixels at its natural size, read back through a canvas.</summary>
    public static int[] Pixels(Browser browser, string image) => ((IEnumerable<object>)browser.Script("""
        const img = document.querySelector(arguments[0]);
        const canvas = document.createElement('canvas');
        canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
        const context = canvas.getContext('2d');
        context.drawImage(img, 0, 0);
        return Array.from(context.getImageData(0, 0, canvas.width, canvas.height).data);
        """, image)!).Select(Convert.ToInt32).ToArray();

    /// <summary>Until the edited image on screen is the one decoded with these slider values ("" for none).</summary>
    public static void WaitForEdits(Browser browser, string edits) =>
        browser.WaitUntil(() => (string?)browser.Script("return document.getElementById('edited').dataset.edits ?? null;") == edits,
            TimeSpan.FromSeconds(30), $"the edited face with '{edits}'");
}
