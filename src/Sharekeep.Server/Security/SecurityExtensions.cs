using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Sharekeep.Core.Sessions;
using Sharekeep.Server.Hosting;

namespace Sharekeep.Server.Security;

internal static class SecurityExtensions
{
    public static WebApplicationBuilder AddApiAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => ApiSecretLoader.Load(
            sp.GetRequiredService<IOptions<SharekeepOptions>>(),
            sp.GetRequiredService<DataPaths>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Sharekeep.Security")));
        builder.Services.AddScoped<SessionCredentials>();
        builder.Services.AddScoped<ISessionCredentials>(sp => sp.GetRequiredService<SessionCredentials>());
        builder.Services.AddSingleton<FailedAuthenticationBrake>();
        builder.Services.AddAuthentication(ApiCredentialAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiCredentialAuthenticationHandler>(ApiCredentialAuthenticationHandler.SchemeName, null);
        builder.Services.AddSingleton<IAuthorizationHandler, ScopeRequirementHandler>();
        builder.Services.AddAuthorizationBuilder().SetDefaultPolicy(ScopeAuthorization.Policy);
        return builder;
    }
}
