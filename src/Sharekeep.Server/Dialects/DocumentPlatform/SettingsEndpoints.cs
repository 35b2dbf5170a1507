using Microsoft.AspNetCore.Http.HttpResults;
using Sharekeep.Core.Credentials;
using Sharekeep.Core.Policy;
using Sharekeep.Server.Security;

namespace Sharekeep.Server.Dialects.DocumentPlatform;

/// <summary>files/settings: the external-sharing and social-media switches, as seed 002 calls them.</summary>
internal static class SettingsEndpoints
{
    public static RouteGroupBuilder MapFilesSettings(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/files/settings").WithTags("Document platform: settings");
        group.MapGet("/", GetAsync).WithName("GetFilesSettings").WithSummary("The files settings in force.");
        group.MapPut("/external", (HttpContext context, PolicyService policy, CancellationToken ct) =>
                SetAsync(context, policy, PolicySetting.ExternalSharing, ct))
            .RequireScope(ApiScope.Policy)
            .WithName("SetExternalShare")
            .WithSummary("Turns external links to files on or off; off makes every file link answer 'access denied' until it is on again.");
        group.MapPut("/externalsocialmedia", (HttpContext context, PolicyService policy, CancellationToken ct) =>
                SetAsync(context, policy, PolicySetting.SocialMedia, ct))
            .RequireScope(ApiScope.Policy)
            .WithName("SetExternalShareSocialMedia")
            .WithSummary("Turns social-media publication of file links on or off; it is in force only while external sharing is on.");
        return group;
    }

    private static async Task<Ok<PlatformEnvelope<FilesSettingsResponse>>> GetAsync(
        HttpContext context, PolicyService policy, CancellationToken cancellationToken)
    {
        var current = await policy.GetAsync(cancellationToken);
        return PlatformResults.Ok(context, new FilesSettingsResponse(current.ExternalSharingEnabled, current.SocialMediaEnabled));
    }

    /// <summary>The answer is the value now in force, which for social media also depends on external sharing.</summary>
    private static async Task<Results<Ok<PlatformEnvelope<bool>>, JsonHttpResult<PlatformError>>> SetAsync(
        HttpContext context, PolicyService policy, PolicySetting setting, CancellationToken cancellationToken)
    {
        var (value, error) = await SwitchBody.ReadAsync(context.Request, cancellationToken);
        if (value is not { } enabled)
        {
            return PlatformResults.Error(StatusCodes.Status400BadRequest, error!);
        }
        await policy.SetAsync(setting, enabled, CredentialClaims.ActorOf(context), cancellationToken);
        var current = await policy.GetAsync(cancellationToken);
        return PlatformResults.Ok(context, current.IsEnabled(setting));
    }
}
