using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Sharekeep.Server.Dialects.DocumentPlatform;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>Requests a fuzzer sends: every one is the sender's mistake, answered 4xx with a body, never a 500.</summary>
public sealed class UnreadableRequestTests
{
    /// <summary>Form bodies that no form reader can read: a NUL in a value, multipart without or with an unclosed boundary, a 3 KB key.</summary>
    public static TheoryData<string, string> UnreadableForms => new()
    {
        { "application/x-www-form-urlencoded", "password=a%00b&secret=a%00b" },
        { "multipart/form-data", "no boundary at all" },
        { "multipart/form-data; boundary=abc", "--abc\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nnever closed" },
        { "application/x-www-form-urlencoded", new string('k', 3000) + "=v" },
    };

    [Theory]
    [MemberData(nameof(UnreadableForms))]
    public async Task UnreadableSignInForm_Is400WithTheSignInPage(string contentType, string body)
    {
        await using var app = new SharekeepApplication();
        using var visitor = app.Visitor();

        var answer = await PostAsync(visitor, "/admin/sign-in", contentType, body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("The form could not be read", answer.Text, StringComparison.Ordinal);
    }

    /// <summary>A fuzzer's request must not be a lever on the log: at most one warning line, and no stack trace.</summary>
    [Theory]
    [MemberData(nameof(UnreadableForms))]
    public async Task UnreadableForms_AreLoggedAtMostAsOneLineWithoutAStackTrace(string contentType, string body)
    {
        var log = new CapturedLog();
        await using var app = new SharekeepApplication(services: log.AddTo);
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var key = await admin.ShareFileAsync(new { password = "Correct-Horse-9" });
        log.Clear();

        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(visitor, "/admin/sign-in", contentType, body)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(visitor, $"/s/{key}", contentType, body)).Status);

        var warnings = log.Entries.Where(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).ToList();
        Assert.True(warnings.Count <= 2, string.Join('\n', warnings.Select(w => $"{w.Category}: {w.Message}")));
        Assert.All(log.Entries, e => Assert.Null(e.Exception));
        Assert.All(log.Entries, e => Assert.DoesNotContain('\n', e.Message));
    }

    [Theory]
    [MemberData(nameof(UnreadableForms))]
    public async Task UnreadablePasswordForm_Is400WithThePasswordPage(string contentType, string body)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var key = await admin.ShareFileAsync(new { password = "Correct-Horse-9" });

        var answer = await PostAsync(visitor, $"/s/{key}", contentType, body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("The form could not be read", answer.Text, StringComparison.Ordinal);
        Assert.Equal(ExternalShareStatus.RequiredPassword, (await visitor.GetAsync($"/api/2.0/files/share/{key}")).ShareStatus);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("image/png")]
    public async Task ErrorAnswer_HasAJsonBody_WhenAcceptNamesNoJsonType(string accept)
    {
        await using var app = new SharekeepApplication();
        using var visitor = app.RawVisitor();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reports");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));

        using var response = await visitor.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":401", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonBodyInAnUnknownCharset_Is415_AndStoresNothing()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await PostAsync(admin, "/api/v1/reports", "application/json; charset=nonsense", """{"name":"Quarterly"}""");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.Status);
        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, answer.Body.GetProperty("status").GetInt32());
        Assert.Equal(0, (await admin.GetAsync("/api/v1/reports")).Body.GetArrayLength());
    }

    [Theory]
    [InlineData("application/json; charset=utf-7")]
    [InlineData("text/json; charset=UTF-7")]
    public async Task JsonBodyInADisabledCharset_Is415_AndStoresNothing(string contentType)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await PostAsync(admin, "/api/v1/reports", contentType, """{"name":"Quarterly","data":1}""");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.Status);
        Assert.Equal(0, (await admin.GetAsync("/api/v1/reports")).Body.GetArrayLength());
    }

    private static Task<Answer> PostAsync(SharekeepClient client, string path, string contentType, string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return client.SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = content });
    }
}
