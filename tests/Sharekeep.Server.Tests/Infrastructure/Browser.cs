using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Sharekeep.Server.Tests.Infrastructure;

/// <summary>
/// Debian's headless Chromium driven through Debian's ChromeDriver (both installed by scripts/test.sh), with a
/// fresh profile, resolving no host but 127.0.0.1.
/// </summary>
public sealed class Browser : IDisposable
{
    public const string Trait = "Browser";
    public const string Chromium = "chromium";
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string DriverPath = "/usr/bin/chromedriver";

    private readonly ChromeDriver _driver;
    private readonly string _profile;

    private Browser(ChromeDriver driver, string profile, Uri server)
    {
        _driver = driver;
        _profile = profile;
        Server = server;
    }

    public Uri Server { get; }

    public IWebDriver Driver => _driver;

    /// <summary>A desktop window, or with <paramref name="phone"/> a true 375 px wide mobile viewport.</summary>
    public static Browser Open(Uri server, bool phone = false)
    {
        var profile = TempDirectory.Create();
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}", "--window-size=1280,900",
            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        if (phone)
        {
            driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
            {
                ["width"] = 375,
                ["height"] = 800,
                ["deviceScaleFactor"] = 1,
                ["mobile"] = true,
            });
        }
        return new Browser(driver, profile, server);
    }

    public void Go(string path) => _driver.Navigate().GoToUrl(new Uri(Server, path));

    public string Text => _driver.FindElement(By.TagName("body")).Text;

    public IWebElement Find(string css) => _driver.FindElement(By.CssSelector(css));

    public IReadOnlyCollection<IWebElement> FindAll(string css) => _driver.FindElements(By.CssSelector(css));

    /// <summary>Fills in and sends the console's sign-in form, whatever the outcome.</summary>
    public void TrySignIn(string secret)
    {
        Go("/admin");
        Find("#secret").SendKeys(secret);
        Submit("form[action='/admin/sign-in'] button[type=submit]");
    }

    /// <summary>Signs in to the console; fails the test unless the console is what the browser then shows.</summary>
    public void SignIn(string secret)
    {
        TrySignIn(secret);
        Assert.True(FindAll(".switches").Count == 1, "Signing in did not lead to the console.");
        Assert.Empty(FindAll("#secret"));
    }

    /// <summary>
    /// Clicks a button that submits a form and waits (bounded) until the next page has loaded: a click returns
    /// as soon as it is dispatched, before the browser has navigated.
    /// </summary>
    public void Submit(string css)
    {
        var before = _driver.FindElement(By.TagName("html"));
        Find(css).Click();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (IsGone(before) && Equals(_driver.ExecuteScript("return document.readyState;"), "complete"))
            {
                return;
            }
            Thread.Sleep(25);
        }
        throw new TimeoutException($"Clicking {css} did not lead to a new page.");
    }

    private static bool IsGone(IWebElement element)
    {
        try
        {
            _ = element.Enabled;
            return false;
        }
        catch (StaleElementReferenceException)
        {
            return true;
        }
        catch (WebDriverException exception) when (exception.Message.Contains("does not belong to the document", StringComparison.Ordinal))
        {
            return true;
        }
    }

    /// <summary>Whether the page is wider than the viewport (a phone would have to scroll sideways).</summary>
    public bool ScrollsSideways() =>
        Convert.ToBoolean(_driver.ExecuteScript("return document.documentElement.scrollWidth > window.innerWidth;"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A screenshot of the whole page into SHAREKEEP_SCREENSHOTS (scripts/screenshots.sh sets it); nothing
    /// otherwise.
    /// </summary>
    public void SaveScreenshot(string name)
    {
        if (Environment.GetEnvironmentVariable("SHAREKEEP_SCREENSHOTS") is not { Length: > 0 } folder)
        {
            return;
        }
        Directory.CreateDirectory(folder);
        var result = _driver.ExecuteCdpCommand("Page.captureScreenshot", new Dictionary<string, object?>
        {
            ["format"] = "png",
            ["captureBeyondViewport"] = true,
            ["clip"] = PageClip(),
        });
        var data = result is Dictionary<string, object?> fields ? fields["data"]?.ToString() : null;
        Assert.NotNull(data);
        File.WriteAllBytes(Path.Combine(folder, name + ".png"), Convert.FromBase64String(data));
    }

    public void Dispose()
    {
        _driver.Quit();
        _driver.Dispose();
        TempDirectory.Delete(_profile);
    }

    private Dictionary<string, object> PageClip()
    {
        var size = (IReadOnlyCollection<object>?)_driver.ExecuteScript(
            "return [document.documentElement.clientWidth, Math.max(document.documentElement.scrollHeight, window.innerHeight)];") ?? [];
        var values = size.Select(v => Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return new Dictionary<string, object> { ["x"] = 0, ["y"] = 0, ["width"] = values[0], ["height"] = values[1], ["scale"] = 1 };
    }
}
