using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests.Fuzzing;

/// <summary>What one fuzzed request was, as sent, and what came back.</summary>
internal sealed record SentRequest(string Method, string Target, string Headers, string Body, int Status, string Answer)
{
    public override string ToString() =>
        $"{Method} {FuzzPlan.Shown(Target)}\n{Headers}\nbody: {FuzzPlan.Shown(Body)}\n=> {Status} {FuzzPlan.Shown(Answer)}";
}

/// <summary>
/// The app the fuzz runs against, seeded with one of each thing it keeps: a report, a dashboard, a share of each, a
/// file, a file link with and one without a password, and a signed-in console. It resolves the plans' markers to the
/// real ids, keys and tokens it knows, and learns new ones from what the fuzz creates.
/// </summary>
internal sealed partial class FuzzWorld : IAsyncDisposable
{
    public const string LinkPassword = "Correct-Horse-9";

    private readonly KnownValues _known = new();
    private readonly HashSet<string> _formFields = ["__RequestVerificationToken"];
    private readonly CookieContainer _browser = new();
    private int _addresses;
    private string _lockedKey = "";
    private string _readKey = "";
    private string _shareKey = "";

    private FuzzWorld(SharekeepApplication app) => App = app;

    public SharekeepApplication App { get; }

    public IReadOnlyList<string> FormFields => [.. _formFields.Order(StringComparer.Ordinal)];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static async Task<FuzzWorld> StartAsync()
    {
        // Small limits, so that bodies past them are cheap to make.
        var world = new FuzzWorld(new SharekeepApplication(settings: new Dictionary<string, string?>
        {
            ["Sharekeep:MaxRequestBodyBytes"] = "8192",
            ["Sharekeep:Files:MaxUploadBytes"] = "16384",
            // Thousands of refusals at Information level would be most of the run's time; errors still show.
            ["Logging:LogLevel:Default"] = "Warning",
            // Every request comes from one address: with the default brake, its wrong credentials would soon turn
            // every secret-bearing request into a 429, which passes trivially and tests nothing behind it.
            ["Sharekeep:FailedAuthenticationsPerMinute"] = "100000",
            // Refused password tries would each wait a second: pacing, which the fuzz has no use for.
            ["Sharekeep:Passwords:RefusalDelayMilliseconds"] = "0",
        }));
        using var admin = world.App.Admin();
        var report = await admin.CreateReportAsync(data: new { columns = new[] { "q", "eur" }, rows = new[] { new object[] { "Q1", 1200 } } });
        var dashboard = await admin.CreateDashboardAsync(report);
        world._known.Learn(await admin.GetAsync("/api/v1/reports"));
        world._known.Learn(await admin.GetAsync("/api/v1/dashboards"));
        world._known.Keys.Add(await admin.ShareReportAsync(report));
        world._known.Keys.Add(await admin.ShareDashboardAsync(dashboard));
        var file = await admin.UploadFileAsync();
        world._known.Ids.Add(file.ToString());
        world._known.Keys.Add((await admin.SetLinkAsync(file, new { title = "open" })).GetProperty("requestToken").GetString()!);
        var locked = await admin.SetLinkAsync(file, new { title = "locked", password = LinkPassword, primary = false });
        world._lockedKey = locked.GetProperty("requestToken").GetString()!;
        world._known.Keys.Add(world._lockedKey);
        world._known.Learn(await admin.GetAsync($"/api/2.0/files/file/{file}/links"));
        world._readKey = (await ApiKeys.CreateAsync(admin, "read")).Key;
        world._shareKey = (await ApiKeys.CreateAsync(admin, "share")).Key;
        await world.SignInAsync();
        return world;
    }

    /// <summary>The request the plan describes, sent with no cookie or redirect handling of the client's own; null when HTTP cannot carry it.</summary>
    public async Task<SentRequest?> SendAsync(FuzzPlan plan, RouteOperation operation)
    {
        var path = operation.Template;
        for (var i = 0; i < operation.PathParameters.Count; i++)
        {
            path = path.Replace("{" + operation.PathParameters[i].Name + "}", _known.Resolve(plan.PathValues[i]), StringComparison.Ordinal);
        }
        if (path.Contains("%00", StringComparison.Ordinal))
        {
            // Kestrel refuses a path with an encoded NUL (400) before any of the app runs; the test server throws instead.
            return null;
        }
        HttpRequestMessage request;
        try
        {
            request = new HttpRequestMessage(new HttpMethod(plan.Method), new Uri(App.Server.BaseAddress, path + _known.Resolve(plan.Query)));
        }
        catch (UriFormatException)
        {
            return null;
        }
        using (request)
        {
            var body = plan.Body is { } b ? _known.Resolve(b.Text) : "";
            if (plan.Body is { } planned)
            {
                request.Content = new ByteArrayContent(planned.Encode(body));
                if (planned.ContentType is { } type)
                {
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
                }
            }
            foreach (var header in plan.Headers)
            {
                if (!request.Headers.TryAddWithoutValidation(header.Name, header.Value))
                {
                    request.Content ??= new ByteArrayContent([]);
                    request.Content.Headers.TryAddWithoutValidation(header.Name, header.Value);
                }
            }
            Authorize(request, plan.Auth);
            var headers = string.Join('\n', request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
                .Select(h => $"{h.Key}: {FuzzPlan.Shown(string.Join(", ", h.Value))}"));
            var sent = new SentRequest(plan.Method, request.RequestUri!.OriginalString, headers, body, 0, "");
            try
            {
                using var client = Client(IPAddress.Loopback);
                using var response = await client.SendAsync(request, Cancellation);
                // As bytes: a file's answer carries the charset it was uploaded with, which may be none there is.
                var answer = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(Cancellation));
                if (response.IsSuccessStatusCode)
                {
                    _known.Learn(answer);
                }
                return sent with { Status = (int)response.StatusCode, Answer = answer };
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                throw new InvalidOperationException($"The request broke off instead of being answered:\n{sent}", failure);
            }
        }
    }

    public Task<StoredState> ReadStateAsync() => StoredState.ReadAsync(App.Services, App.FilesDirectory, Cancellation);

    /// <summary>Signs the console in again when the fuzz has ended its session (signing out is a fair request too).</summary>
    public async Task RenewSessionIfEndedAsync()
    {
        using var client = Client(IPAddress.Loopback);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        AddCookies(request);
        using var response = await client.SendAsync(request, Cancellation);
        if ((await response.Content.ReadAsStringAsync(Cancellation)).Contains("name=\"secret\"", StringComparison.Ordinal))
        {
            await SignInAsync();
        }
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();

    /// <summary>Through the sign-in form as a browser, from an address of its own (the sign-in brake counts per address).</summary>
    private async Task SignInAsync()
    {
        using var client = Client(IPAddress.Parse(string.Create(CultureInfo.InvariantCulture, $"10.9.{++_addresses / 250}.{_addresses % 250 + 1}")));
        var signInPage = await BrowseAsync(client, HttpMethod.Get, "/admin");
        var signInToken = FormToken.In(signInPage);
        _known.FormTokens[2] = signInToken;
        await BrowseAsync(client, HttpMethod.Post, "/admin/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [FormToken.FieldName] = signInToken,
            ["secret"] = SharekeepApplication.Secret,
        }));
        var console = await BrowseAsync(client, HttpMethod.Get, "/admin");
        _known.FormTokens[0] = FormToken.In(console, "The console did not open after signing in.");
        foreach (Match field in FormFieldName().Matches(console))
        {
            _formFields.Add(WebUtility.HtmlDecode(field.Groups["name"].Value));
        }
        foreach (Match value in FormValue().Matches(console))
        {
            KnownValues.Remember(_known.PageValues, WebUtility.HtmlDecode(value.Groups["value"].Value));
        }
        // The file page's token is a visitor's, not the session's: taken once, while the seeded link still stands.
        _known.FormTokens[1] ??= FormToken.In(await BrowseAsync(client, HttpMethod.Get, "/s/" + _lockedKey), "The file page has no password form.");
        _known.FormTokens[3] = "CfDJ8-not-a-token";
    }

    private async Task<string> BrowseAsync(HttpClient client, HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        AddCookies(request);
        using var response = await client.SendAsync(request, Cancellation);
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            foreach (var cookie in cookies)
            {
                _browser.SetCookies(response.RequestMessage!.RequestUri!, cookie);
            }
        }
        Assert.True((int)response.StatusCode < 400, $"{method} {path} answered {(int)response.StatusCode} while setting up the fuzz.");
        return await response.Content.ReadAsStringAsync(Cancellation);
    }

    private void AddCookies(HttpRequestMessage request)
    {
        var uri = request.RequestUri!.IsAbsoluteUri ? request.RequestUri : new Uri(App.Server.BaseAddress, request.RequestUri);
        if (_browser.GetCookieHeader(uri) is { Length: > 0 } cookies)
        {
            request.Headers.TryAddWithoutValidation("Cookie", cookies);
        }
    }

    private void Authorize(HttpRequestMessage request, FuzzAuth auth)
    {
        const string secret = SharekeepApplication.Secret;
        switch (auth)
        {
            case FuzzAuth.BearerRight:
            case FuzzAuth.BrowserAndBearer:
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
                break;
            case FuzzAuth.BearerWrong:
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret[..^1] + "0");
                break;
            case FuzzAuth.AuthenticationHeaderRight:
                request.Headers.TryAddWithoutValidation("Authentication", "Bearer " + secret);
                break;
            case FuzzAuth.BearerLowercaseScheme:
                request.Headers.TryAddWithoutValidation("Authorization", "bearer " + secret);
                break;
            case FuzzAuth.BearerRightWithJunk:
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + secret + " junk");
                break;
            case FuzzAuth.BearerEmpty:
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer");
                break;
            case FuzzAuth.Basic:
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:" + secret)));
                break;
            case FuzzAuth.ReadKey:
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _readKey);
                break;
            case FuzzAuth.ShareKey:
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _shareKey);
                break;
            case FuzzAuth.UnknownKey:
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Core.Credentials.ApiKeyFormat.NewKey());
                break;
            case FuzzAuth.GarbageCookie:
                request.Headers.TryAddWithoutValidation("Cookie", "sharekeep-admin=CfDJ8garbage; .AspNetCore.Antiforgery.abc=CfDJ8garbage");
                break;
        }
        if (auth is FuzzAuth.Browser or FuzzAuth.BrowserAndBearer)
        {
            AddCookies(request);
        }
    }

    private HttpClient Client(IPAddress address) =>
        new(App.Server.CreateHandler(context => context.Connection.RemoteIpAddress = address)) { BaseAddress = App.Server.BaseAddress };

    [GeneratedRegex("name=\"(?<name>[A-Za-z_][^\"]*)\"")]
    private static partial Regex FormFieldName();

    [GeneratedRegex("<option value=\"(?<value>[^\"]+)\"")]
    private static partial Regex FormValue();
}
