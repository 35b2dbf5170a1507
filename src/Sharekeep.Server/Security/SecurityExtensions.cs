using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Sharekeep.Server.Hosting;

namespace Sharekeep.Server.Security;

internal static class SecurityExtensions
{
    public static WebApplicationBuilder AddApiSecretAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => ApiSecretLoader.Load(
            sp.GetRequiredService<IOptions<SharekeepOptions>>(),
            sp.GetRequiredService<DataPaths>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Sharekeep.Security")));
        builder.Services.AddAuthentication(ApiSecretAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiSecretAuthenticationHandler>(ApiSecretAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        return builder;
    }
}
