using System.Net;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests.Webhooks;

/// <summary>/api/v1/webhooks against odd and hostile input: a clear 4xx with a problem body, never a 5xx, and bounded.</summary>
public sealed class WebhookApiHostileInputTests : IAsyncLifetime
{
    private SharekeepApplication _app = null!;
    private SharekeepClient _admin = null!;

    public ValueTask InitializeAsync()
    {
        var settings = Webhooks.FastSettings();
        settings["Sharekeep:Webhooks:MaxEndpoints"] = "3";
        _app = new SharekeepApplication(settings: settings);
        _admin = _app.Admin();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Create_BeyondTheConfiguredMaximum_Answers400NamingTheSetting_AndRegistersNoMore()
    {
        for (var i = 0; i < 3; i++)
        {
            await Webhooks.RegisterAsync(_admin, $"https://hooks.example.com/{i}", "link.created");
        }

        var answer = await _admin.PostAsync("/api/v1/webhooks", new { url = "https://hooks.example.com/3", events = new[] { "link.created" } });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("MaxEndpoints", answer.Body.GetProperty("errors").GetProperty("url")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(3, (await _admin.GetAsync("/api/v1/webhooks")).Body.GetArrayLength());
    }

    [Fact]
    public async Task Create_ManyAtOnce_RegistersNoMoreThanTheMaximum()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            _admin.PostAsync("/api/v1/webhooks", new { url = $"https://hooks.example.com/{i}", events = new[] { "link.created" } })));

        Assert.Equal(3, answers.Count(a => a.Status == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.BadRequest, a.Status));
        Assert.Equal(3, (await _admin.GetAsync("/api/v1/webhooks")).Body.GetArrayLength());
    }

    [Fact]
    public async Task Create_WithTheSameEventManyTimes_KeepsItOnce()
    {
        var answer = await _admin.PostAsync("/api/v1/webhooks", new { url = "https://hooks.example.com/in", events = Enumerable.Repeat("link.created", 10_000).Append("link.revoked") });

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal(["link.created", "link.revoked"], answer.Body.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("{\"url\":\"https://hooks.example.com/in\",\"events\":[\"link.created\",null]}")]
    [InlineData("{\"url\":\"https://hooks.example.com/in\",\"events\":\"link.created\"}")]
    [InlineData("{\"url\":\"https://hooks.example.com/in\",\"events\":[1]}")]
    [InlineData("{\"url\":[\"https://hooks.example.com/in\"],\"events\":[\"link.created\"]}")]
    [InlineData("{\"url\":\"javascript:alert(1)\",\"events\":[\"link.created\"]}")]
    [InlineData("{\"url\":\"file:///etc/passwd\",\"events\":[\"link.created\"]}")]
    [InlineData("{\"url\":\"https://\",\"events\":[\"link.created\"]}")]
    [InlineData("{\"url\":\"https://user@hooks.example.com/in\",\"events\":[\"link.created\"]}")]
    [InlineData("{\"url\":\"https://hooks.example.com/in#frag\",\"events\":[\"link.created\"]}")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{")]
    public async Task Create_WithMalformedInput_Answers400AndRegistersNothing(string body)
    {
        var answer = await _admin.PostRawAsync("/api/v1/webhooks", body);

        Assert.True(answer.Status == HttpStatusCode.BadRequest, answer.Text);
        Assert.Equal(400, answer.Body.GetProperty("status").GetInt32());
        Assert.Equal(0, (await _admin.GetAsync("/api/v1/webhooks")).Body.GetArrayLength());
    }

    [Fact]
    public async Task Create_WithAHugeBody_IsRefusedWithA4xx()
    {
        var answer = await _admin.PostRawAsync(
            "/api/v1/webhooks", "{\"url\":\"https://hooks.example.com/in\",\"events\":[" + string.Join(',', Enumerable.Repeat("\"link.created\"", 100_000)) + "]}");

        Assert.InRange((int)answer.Status, 400, 499);
        Assert.Equal(0, (await _admin.GetAsync("/api/v1/webhooks")).Body.GetArrayLength());
    }

    [Theory]
    [InlineData("?before=abc")]
    [InlineData("?before=99999999999999999999999")]
    [InlineData("?before=1&before=2")]
    [InlineData("?limit=abc")]
    [InlineData("?limit=0")]
    [InlineData("?limit=201")]
    [InlineData("?limit=-1")]
    [InlineData("?limit=99999999999")]
    public async Task Deliveries_WithAGarbledCursorOrLimit_Answer400WithAProblem(string query)
    {
        var hook = await Webhooks.RegisterAsync(_admin, "https://hooks.example.com/in", "link.created");

        var answer = await _admin.GetAsync($"/api/v1/webhooks/{hook.Id}/deliveries{query}");

        Assert.True(answer.Status == HttpStatusCode.BadRequest, answer.Text);
        Assert.Equal(400, answer.Body.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("?before=-5")]
    [InlineData("?before=0")]
    [InlineData("?before=9223372036854775807")]
    public async Task Deliveries_BeforeAnyCursorOutOfRange_AnswerAnEmptyPage(string query)
    {
        var hook = await Webhooks.RegisterAsync(_admin, "https://hooks.example.com/in", "link.created");

        var answer = await _admin.GetAsync($"/api/v1/webhooks/{hook.Id}/deliveries{query}");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(0, answer.Body.GetProperty("deliveries").GetArrayLength());
    }

    [Fact]
    public async Task Replay_OfAHugeMessageId_Answers404()
    {
        var hook = await Webhooks.RegisterAsync(_admin, "https://hooks.example.com/in", "link.created");

        var answer = await _admin.PostAsync($"/api/v1/webhooks/{hook.Id}/deliveries/{new string('m', 4000)}/replay", new { });

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal(404, answer.Body.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("https://\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4\u00e4.example/in")]
    [InlineData("https://xn--.example/in")]
    [InlineData("https://\u24DB\u24DE\u24D2\u24D0\u24DB\u24D7\u24DE\u24E2\u24E3/in")]
    [InlineData("https://exa\u200Bmple.com/in")]
    [InlineData("https://example.com:99999/in")]
    [InlineData("https://[::1%25eth0]/in")]
    [InlineData("https://[fe80::1%25lo]/in")]
    [InlineData("http://%30x7f.1/in")]
    public async Task Create_WithAnOddHost_AnswersWithoutA5xx(string url)
    {
        var answer = await _admin.PostAsync("/api/v1/webhooks", new { url, events = new[] { "link.created" } });

        Assert.True(answer.Status is HttpStatusCode.Created or HttpStatusCode.BadRequest, $"{url}: {answer.Text}");
    }
}
