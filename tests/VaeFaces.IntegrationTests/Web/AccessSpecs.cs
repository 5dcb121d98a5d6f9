using System.Net;
using System.Net.Http.Json;
using VaeFaces.IntegrationTests.Distributed;

namespace VaeFaces.IntegrationTests.Web;

[Collection(DistributedCollection.Name)]
public class AccessSpecs(DistributedFixture fixture) : JobSpecs(fixture)
{
    [Fact]
    public void Signing_in_opens_the_jobs_list_and_signing_out_ends_the_session()
    {
        using var browser = new Browser(Services.SchedulerAddress);
        browser.SignInAsOperator();
        Assert.Contains(DistributedFixture.DashboardUsername, browser.Find("header").Text);
        browser.Open("/explorer");
        Assert.Equal("/explorer", browser.Url.AbsolutePath);

        browser.Find("#sign-out").Click();
        browser.WaitUntil(() => browser.Url.AbsolutePath == "/signin", TimeSpan.FromSeconds(10), "the sign-in page after signing out");
        browser.Open("/jobs");
        Assert.Equal("/signin", browser.Url.AbsolutePath);
    }

    [Fact]
    public void The_api_key_also_signs_in_and_a_wrong_password_does_not()
    {
        using var browser = new Browser(Services.SchedulerAddress);
        browser.SignIn(DistributedFixture.DashboardUsername, "not-the-password-of-this-dashboard-at-all");
        Assert.Equal("/signin", browser.Url.AbsolutePath);
        Assert.Equal("Wrong user name or password.", browser.Find("#sign-in-error").Text);
        browser.Open("/jobs");
        Assert.Equal("/signin", browser.Url.AbsolutePath);

        browser.Open("/signin");
        browser.Find("#ApiKey").SendKeys(DistributedFixture.ApiKey);
        browser.Find("#sign-in").Click();
        browser.WaitUntil(() => browser.Url.AbsolutePath == "/jobs", TimeSpan.FromSeconds(10), "the jobs list after signing in with the key");
    }

    [Fact]
    public async Task Without_a_session_pages_redirect_to_sign_in_and_calls_get_401()
    {
        using var browser = new Browser(Services.SchedulerAddress);
        foreach (var page in new[] { "/jobs", "/schedules", "/explorer", $"/jobs/{Guid.NewGuid()}" })
        {
            browser.Open(page);
            Assert.Equal("/signin", browser.Url.AbsolutePath);
            Assert.Equal(page, Uri.UnescapeDataString(browser.Url.Query).Replace("?ReturnUrl=", ""));
        }
        // The page's own script calls, from the browser without a session.
        var status = browser.Driver.ExecuteAsyncScript("""
            const done = arguments[arguments.length - 1];
            Promise.all(["/api/jobs", "/ui/explorer/render?model=a/b&face=seed:1"].map(u => fetch(u).then(r => r.status))).then(done);
            """);
        Assert.Equal([401L, 401L], ((IEnumerable<object>)status!).Cast<long>());

        using var anonymous = new HttpClient { BaseAddress = Services.SchedulerAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/ui/jobs/{Guid.NewGuid()}/artifacts/model.bin")).StatusCode);
    }

    [Fact]
    public async Task A_session_reads_the_api_but_changes_state_only_through_forms_with_their_antiforgery_token()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
            { BaseAddress = Services.SchedulerAddress };
        var signIn = await client.GetStringAsync("/signin");
        var signedIn = await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = DistributedFixture.DashboardUsername,
            ["Password"] = DistributedFixture.DashboardPassword,
            ["__RequestVerificationToken"] = AntiforgeryToken(signIn),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/jobs")).StatusCode);
        var submit = await client.PostAsync("/api/jobs", JsonContent.Create(new { kind = "TrainModel", parameters = Services.TrainParameters() }));
        Assert.Equal(HttpStatusCode.Forbidden, submit.StatusCode);
        var forged = await client.PostAsync($"/jobs?handler=Cancel&id={Guid.NewGuid()}", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var signOut = await client.PostAsync("/signout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
    }

    private static string AntiforgeryToken(string page) =>
        System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
}
