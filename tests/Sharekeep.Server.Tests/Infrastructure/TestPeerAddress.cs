using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Sharekeep.Server.Tests.Infrastructure;

/// <summary>
/// The in-memory test server has no peer address; this sets one from a test-only header, before anything else
/// runs, so that tests can speak from many addresses. Registered only by the tests that need it.
/// </summary>
public sealed class TestPeerAddress : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public static void AddTo(IServiceCollection services) => services.AddSingleton<IStartupFilter, TestPeerAddress>();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }
            await nextMiddleware(context);
        });
        next(app);
    };
}
