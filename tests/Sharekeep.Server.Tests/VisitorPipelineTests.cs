using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>
/// Visitors' requests skip the callers' checks (decision 21), including the copies the framework would add in front
/// of the whole pipeline by itself; callers' requests still pass them.
/// </summary>
public sealed class VisitorPipelineTests
{
    [Fact]
    public async Task ReportEvaluate_DoesNotPassAuthentication()
    {
        var seen = new AuthenticationSeen();
        await using var app = new SharekeepApplication(services: seen.AddTo);
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var url = $"/api/external/share/report/{await admin.ShareReportAsync(await admin.CreateReportAsync("Sales"))}/evaluate";

        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(url)).Status);

        Assert.False(seen.For(url));
    }

    [Fact]
    public async Task FileLinkResolve_DoesNotPassAuthentication()
    {
        var seen = new AuthenticationSeen();
        await using var app = new SharekeepApplication(services: seen.AddTo);
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var link = await admin.SetLinkAsync(await admin.UploadFileAsync(), new { title = "public" });
        var url = $"/api/2.0/files/share/{link.GetProperty("requestToken").GetString()}";

        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(url)).Status);

        Assert.False(seen.For(url));
    }

    [Fact]
    public async Task ApiCall_PassesAuthentication()
    {
        var seen = new AuthenticationSeen();
        await using var app = new SharekeepApplication(services: seen.AddTo);
        using var admin = app.Admin();

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/policy")).Status);

        Assert.True(seen.For("/api/v1/policy"));
    }

    /// <summary>Notes, per path, whether the authentication middleware ran (it always leaves its feature behind).</summary>
    private sealed class AuthenticationSeen : IStartupFilter
    {
        private readonly ConcurrentDictionary<string, bool> _paths = new();

        public void AddTo(IServiceCollection services) => services.AddSingleton<IStartupFilter>(this);

        public bool For(string path) => _paths[path];

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                await nextMiddleware(context);
                _paths[context.Request.Path + context.Request.QueryString] = context.Features.Get<IAuthenticationFeature>() is not null;
            });
            next(app);
        };
    }
}
