using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using VaeFaces.IntegrationTests.Distributed;

namespace VaeFaces.IntegrationTests.Web;

/// <summary>
/// Debian's headless Chromium driven through its ChromeDriver (both installed by ./run-tests), on one base address.
/// Each instance is a fresh profile: no cookies, so no session until it signs in.
/// </summary>
public sealed class Browser : IDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string DriverPath = "/usr/bin/chromedriver";

    private readonly Uri baseAddress;

    public Browser(Uri baseAddress)
    {
        this.baseAddress = baseAddress;
        if (!File.Exists(ChromiumPath) || !File.Exists(DriverPath))
            throw new InvalidOperationException($"{ChromiumPath} or {DriverPath} is missing: apt-get install chromium chromium-driver (./run-tests does)");
        // With the driver given, Selenium Manager is not needed; this keeps it from sending usage statistics if it ever runs.
        Environment.SetEnvironmentVariable("SE_AVOID_STATS", "true");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        // --no-sandbox: the tests run as root, where Chromium's sandbox refuses to start.
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000",
            "--no-first-run", "--disable-extensions", "--disable-background-networking", "--disable-component-update");
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    public ChromeDriver Driver { get; }

    public Uri Url => new(Driver.Url);

    public void Open(string pathAndQuery) => Driver.Navigate().GoToUrl(new Uri(baseAddress, pathAndQuery));

    public IWebElement Find(string css) => Driver.FindElement(By.CssSelector(css));

    public IReadOnlyList<IWebElement> FindAll(string css) => Driver.FindElements(By.CssSelector(css));

    public object? Script(string script, params object[] arguments) => Driver.ExecuteScript(script, arguments);

    public void SignIn(string username, string password)
    {
        Open("/signin");
        Find("#Username").SendKeys(username);
        Find("#Password").SendKeys(password);
        Find("#sign-in").Click();
    }

    public void SignInAsOperator()
    {
        SignIn(DistributedFixture.DashboardUsername, DistributedFixture.DashboardPassword);
        WaitUntil(() => Url.AbsolutePath == "/jobs", TimeSpan.FromSeconds(20), "the jobs list after signing in");
    }

    public void WaitUntil(Func<bool> condition, TimeSpan timeout, string what)
    {
        var wait = new WebDriverWait(Driver, timeout) { PollingInterval = TimeSpan.FromMilliseconds(100) };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        try
        {
            wait.Until(_ => condition());
        }
        catch (WebDriverTimeoutException)
        {
            Assert.Fail($"waited {timeout} for {what}; the page at {Driver.Url} shows:\n{Find("body").Text}");
        }
    }

    /// <summary>A PNG of the window under artifacts/screenshots (docs/images holds the copies the README shows).</summary>
    public string Screenshot(string name)
    {
        var folder = Path.Combine(LocalServices.RepoRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        Driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
    }
}
