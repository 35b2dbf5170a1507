using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Sharekeep.Core.Credentials;
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
        builder.Services.AddSingleton(sp => new CredentialBrake(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<SharekeepOptions>>().Value.FailedAuthenticationsPerMinute));
        builder.Services.AddScoped<CredentialChecks>();
        // No default scheme to authenticate with: only the routes whose policy names a scheme look at credentials,
        // so a visitor's request with a stray Authorization header is not checked, nor counted by the brake.
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultChallengeScheme = ApiCredentialAuthenticationHandler.SchemeName;
                options.DefaultForbidScheme = ApiCredentialAuthenticationHandler.SchemeName;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiCredentialAuthenticationHandler>(ApiCredentialAuthenticationHandler.SchemeName, null);
        builder.Services.AddSingleton<IAuthorizationHandler, ScopeRequirementHandler>();
        builder.Services.AddAuthorizationBuilder().SetDefaultPolicy(ScopeAuthorization.Policy);
        return builder;
    }
}
