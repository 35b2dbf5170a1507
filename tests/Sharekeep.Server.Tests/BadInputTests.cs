using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Sharekeep.Core.Policy;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>Bad input gets a 4xx with a JSON body and changes nothing; a fault gets a 500 that tells nothing.</summary>
public sealed class BadInputTests
{
    [Theory]
    [InlineData("/api/v1/reports", "{\"name\": 5}")]
    [InlineData("/api/v1/reports", "{\"name\": \"x\", ")]
    [InlineData("/api/v1/reports", "not json")]
    [InlineData("/api/v1/reports", "")]
    [InlineData("/api/v1/dashboards", "{\"name\": \"d\", \"reportIds\": \"x\"}")]
    [InlineData("/api/v1/dashboards", "{\"name\": \"d\", \"reportIds\": [\"not-a-guid\"]}")]
    public async Task NativeApi_WithMalformedBody_Returns400ProblemDetailsAndCreatesNothing(string path, string body)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.PostRawAsync(path, body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentHeaders.ContentType?.MediaType);
        Assert.Equal(StatusCodes.Status400BadRequest, answer.Body.GetProperty("status").GetInt32());
        Assert.Empty((await admin.GetAsync(path)).Body.EnumerateArray());
    }

    [Fact]
    public async Task NativeApi_WithWrongContentType_Returns415ProblemDetails()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.PostRawAsync("/api/v1/reports", "{\"name\":\"x\"}", "text/plain");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.Status);
        Assert.Equal(StatusCodes.Status415UnsupportedMediaType, answer.Body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task OversizedBody_Returns413AndCreatesNothing()
    {
        await using var app = new SharekeepApplication(settings: new Dictionary<string, string?> { ["Sharekeep:MaxRequestBodyBytes"] = "4096" });
        using var admin = app.Admin();

        var answer = await admin.PostAsync("/api/v1/reports", new { name = "big", data = new string('x', 5000) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, answer.Body.GetProperty("status").GetInt32());
        Assert.Empty((await admin.GetAsync("/api/v1/reports")).Body.EnumerateArray());
    }

    [Theory]
    [InlineData("/api/v1/shares?resourceType=file")]
    [InlineData("/api/v1/shares?resourceType=1")]
    [InlineData("/api/v1/shares?resourceId=not-a-guid")]
    [InlineData("/api/v1/shares?limit=0")]
    [InlineData("/api/v1/shares?includeRevoked=maybe")]
    [InlineData("/api/v1/audit?limit=100000")]
    [InlineData("/api/v1/audit?limit=ten")]
    public async Task NativeApi_WithBadQuery_Returns400ProblemDetails(string path)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(StatusCodes.Status400BadRequest, answer.Body.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/nothing-here")]
    [InlineData("/api/v1/reports/not-a-guid")]
    public async Task UnknownNativeAddress_Returns404ProblemDetails(string path)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal(StatusCodes.Status404NotFound, answer.Body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task WrongMethodOnTheSwitch_Returns405InTheReportingToolEnvelope()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.GetAsync("/api/public/share/disable");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, answer.Status);
        Assert.Equal("methodNotAllowedError", answer.ErrorCode);
    }

    [Fact]
    public async Task Switch_WhenTheStoreFails_Returns500WithJsonBodyAndNoExceptionText()
    {
        await using var app = new SharekeepApplication(services: s => s.AddScoped<IPolicyStore, FailingPolicyStore>());
        using var admin = app.Admin();

        var answer = await admin.PostAsync("/api/public/share/disable");

        Assert.Equal(HttpStatusCode.InternalServerError, answer.Status);
        Assert.Equal("serverError", answer.ErrorCode);
        Assert.DoesNotContain(FailingPolicyStore.Message, answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NativeApi_WhenTheStoreFails_Returns500ProblemDetailsWithNoExceptionText()
    {
        await using var app = new SharekeepApplication(services: s => s.AddScoped<IPolicyStore, FailingPolicyStore>());
        using var admin = app.Admin();

        var answer = await admin.GetAsync("/api/v1/policy");

        Assert.Equal(HttpStatusCode.InternalServerError, answer.Status);
        Assert.Equal(StatusCodes.Status500InternalServerError, answer.Body.GetProperty("status").GetInt32());
        Assert.DoesNotContain(FailingPolicyStore.Message, answer.Text, StringComparison.Ordinal);
    }

    private sealed class FailingPolicyStore : IPolicyStore
    {
        public const string Message = "disk on fire at /var/secret/path";

        public Task<IReadOnlyList<StoredSetting>> GetAllAsync(CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Message);

        public Task<PolicyTransition> UpdateAsync(PolicySetting setting, Func<StoredSetting?, PolicyTransition> decide, string actor, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Message);
    }
}
