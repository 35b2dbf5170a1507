using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sharekeep.Core.Credentials;
using Sharekeep.Server.Security;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>Every protected endpoint, read from the app's own route table, against keys of each scope.</summary>
public sealed partial class ApiScopeTests
{
    /// <summary>Reads that take their question in a POST body; each is named here, so no write slips in as one.</summary>
    private static readonly string[] ReadsByPost = ["/api/share/status"];

    private static List<(string Method, string Path, ApiScope Needed, string ContentType)> ProtectedWrites(SharekeepApplication app) =>
    [
        .. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
                && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is null)
                && !ReadsByPost.Contains("/" + e.RoutePattern.RawText!.TrimStart('/')))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Where(m => m is not ("GET" or "HEAD"))
                .Select(m => (
                    m,
                    Concrete(e.RoutePattern.RawText!),
                    e.Metadata.GetMetadata<RequiredScope>()?.Scope ?? ApiScope.Admin,
                    // Routing answers 415 before authorization to a body type the endpoint does not take.
                    e.Metadata.GetMetadata<IAcceptsMetadata>() is { ContentTypes.Count: > 0 } accepts ? accepts.ContentTypes[0] : "application/json"))),
    ];

    /// <summary>A route with every parameter filled by a GUID, which each constraint takes.</summary>
    private static string Concrete(string pattern) =>
        "/" + Parameter().Replace(pattern, Guid.NewGuid().ToString()).TrimStart('/');

    [Fact]
    public async Task AReadKey_IsRefused403ByEveryWritingEndpoint()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var reader = app.WithKey((await ApiKeys.CreateAsync(admin, "read")).Key);
        var writes = ProtectedWrites(app);

        Assert.True(writes.Count >= 10, $"only {writes.Count} writing endpoints found");
        foreach (var (method, path, _, contentType) in writes)
        {
            var answer = await reader.SendAsync(Request(method, path, contentType));
            Assert.True(answer.Status == HttpStatusCode.Forbidden, $"{method} {path} answered {(int)answer.Status} to a read key");
        }
    }

    [Fact]
    public async Task EachWritingEndpoint_LetsInAKeyOfItsScope()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var clients = new Dictionary<ApiScope, SharekeepClient>();
        foreach (var scope in ApiScopes.All)
        {
            clients[scope] = app.WithKey((await ApiKeys.CreateAsync(admin, ApiScopes.Name(scope))).Key);
        }

        foreach (var (method, path, needed, contentType) in ProtectedWrites(app))
        {
            var answer = await clients[needed].SendAsync(Request(method, path, contentType));
            Assert.True(answer.Status is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized), $"{method} {path} refused a '{ApiScopes.Name(needed)}' key: {(int)answer.Status}");
        }
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task TheSwitches_NeedThePolicyScope_AndTheKeysTheAdminScope()
    {
        await using var app = new SharekeepApplication();
        var writes = ProtectedWrites(app);

        Assert.Contains(writes, w => w.Path == "/api/public/share/disable" && w.Needed == ApiScope.Policy);
        Assert.Contains(writes, w => w.Path == "/api/2.0/files/settings/external" && w.Needed == ApiScope.Policy);
        Assert.Contains(writes, w => w.Path == "/api/v1/keys/" && w.Needed == ApiScope.Admin);
        Assert.Contains(writes, w => w.Path == "/api/share/report" && w.Needed == ApiScope.Share);
    }

    private static HttpRequestMessage Request(string method, string path, string contentType) =>
        new(new HttpMethod(method), path) { Content = new StringContent("{}", null, contentType) };

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
