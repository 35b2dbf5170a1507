using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

public sealed class ApiAuthenticationTests
{
    public static TheoryData<string?, string?> BadCredentials => new()
    {
        { null, null },
        { "Authorization", "Bearer wrong-secret" },
        { "Authorization", "Bearer " },
        { "Authorization", "Basic " + SharekeepApplication.Secret },
        { "Authorization", SharekeepApplication.Secret },
        { "Authentication", "Bearer wrong-secret" },
        { "Authorization", "Bearer " + SharekeepApplication.Secret + "x" },
    };

    [Theory]
    [MemberData(nameof(BadCredentials))]
    public async Task Disable_WithMissingMalformedOrWrongSecret_Returns401AndChangesNothing(string? header, string? value)
    {
        await using var app = new SharekeepApplication();
        using var visitor = app.Visitor();
        using var admin = app.Admin();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/public/share/disable");
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }

        var answer = await visitor.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("notAuthorizedError", answer.ErrorCode);
        Assert.True((await admin.GetAsync("/api/v1/policy")).Body.GetProperty("sharingEnabled").GetBoolean());
    }

    [Fact]
    public async Task Disable_WithSecretInAuthenticationHeader_IsAccepted()
    {
        await using var app = new SharekeepApplication();
        using var visitor = app.Visitor();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/public/share/disable");
        request.Headers.TryAddWithoutValidation("Authentication", "Bearer " + SharekeepApplication.Secret);

        Assert.Equal(HttpStatusCode.NoContent, (await visitor.SendAsync(request)).Status);
    }

    [Fact]
    public async Task NativeApi_WithoutSecret_Returns401ProblemDetails()
    {
        await using var app = new SharekeepApplication();
        using var visitor = app.Visitor();

        var answer = await visitor.GetAsync("/api/v1/policy");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentHeaders.ContentType?.MediaType);
        Assert.Equal(StatusCodes.Status401Unauthorized, answer.Body.GetProperty("status").GetInt32());
        Assert.Contains("Bearer", answer.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShareReport_WithoutSecret_Returns401InTheReportingToolEnvelope()
    {
        await using var app = new SharekeepApplication();
        using var visitor = app.Visitor();

        var answer = await visitor.PostAsync("/api/share/report", new { reportId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("notAuthorizedError", answer.ErrorCode);
    }

    [Fact]
    public async Task EveryEndpoint_EitherRequiresTheSecretOrIsDeclaredPublic()
    {
        await using var app = new SharekeepApplication();
        _ = app.Server;
        string[] publicPrefixes = ["/api/external/share/", "/api/2.0/files/share/", "/s/", "/share/", "/assets/", "/healthz", "/openapi/", "/docs", "/admin/sign-in"];
        // The console's pages show the sign-in form to anyone; everything they show or do needs the session.
        string[] publicExactly = ["/admin", "/admin/", "/admin/links/{id}/activity", "/admin/webhooks/{id:guid}/deliveries"];

        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        Assert.NotEmpty(endpoints);
        foreach (var endpoint in endpoints)
        {
            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var isPublic = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var isProtected = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0;
            Assert.True(isPublic || isProtected, $"{route} declares neither a secret nor public access.");
            if (isPublic)
            {
                Assert.True(
                    publicPrefixes.Any(p => route.StartsWith(p, StringComparison.Ordinal)) || publicExactly.Contains(route),
                    $"{route} is public but not among the declared public addresses.");
            }
        }
    }
}
