using Microsoft.Extensions.Options;
using Sharekeep.Core.Credentials;
using Sharekeep.Core.Files;
using Sharekeep.Core.Inventory;
using Sharekeep.Core.Keys;
using Sharekeep.Core.Links;
using Sharekeep.Core.Links.Passwords;
using Sharekeep.Core.Policy;
using Sharekeep.Core.Resources;
using Sharekeep.Core.Sessions;
using Sharekeep.Core.Shares;

namespace Sharekeep.Server.Hosting;

internal static class DomainExtensions
{
    /// <summary>The settings and the domain services that every API and page shares.</summary>
    public static WebApplicationBuilder AddSharekeepDomain(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SharekeepOptions>()
            .BindConfiguration(SharekeepOptions.Section)
            .ValidateDataAnnotations()
            .Validate(
                o => string.IsNullOrEmpty(o.PublicBaseUrl) || Public.PublicUrls.IsUsableBase(o.PublicBaseUrl),
                "Sharekeep:PublicBaseUrl must be an absolute http or https address without query or fragment, such as https://share.example.com.")
            .ValidateOnStart();
        builder.Services.AddOptions<SharingOptions>().BindConfiguration(SharingOptions.Section);
        builder.Services.AddOptions<LinkPolicyOptions>().BindConfiguration(LinkPolicyOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<LinkPolicyOptions>, LinkPolicyOptionsValidator>();
        builder.Services.AddOptions<FilesOptions>()
            .BindConfiguration(FilesOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<PasswordOptions>()
            .BindConfiguration(PasswordOptions.Section)
            .ValidateDataAnnotations()
            .Validate(
                o => o.ClientWindowMinutes <= o.LinkWindowMinutes,
                "Sharekeep:Passwords:ClientWindowMinutes must not be longer than LinkWindowMinutes (the link's failures are what it is counted from).")
            .ValidateOnStart();
        builder.Services.AddOptions<Dialects.DocumentPlatform.DocumentPlatformOptions>()
            .BindConfiguration(Dialects.DocumentPlatform.DocumentPlatformOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ILinkKeyGenerator, RandomLinkKeyGenerator>();
        builder.Services.AddSingleton(sp =>
        {
            var sharing = sp.GetRequiredService<IOptions<SharingOptions>>().Value;
            return new PolicyDefaults
            {
                SharingEnabled = sharing.Enabled,
                ExternalSharingEnabled = sharing.ExternalEnabled,
                SocialMediaEnabled = sharing.SocialMediaEnabled,
            };
        });
        builder.Services.AddSingleton(sp => new LinkPolicyDefaults(sp.GetRequiredService<IOptions<LinkPolicyOptions>>().Value.ToPolicy()));
        builder.Services.AddScoped<PolicyService>();
        builder.Services.AddScoped<LinkPolicyService>();
        builder.Services.AddScoped<ResourceService>();
        builder.Services.AddScoped<SharingService>();
        builder.Services.AddScoped<SharedViews>();
        builder.Services.AddScoped<FileService>();
        builder.Services.AddScoped<FileLinkService>();
        builder.Services.AddScoped<ConsoleSessionService>();
        builder.Services.AddScoped<LinkInventory>();
        builder.Services.AddScoped<LinkBulkActions>();
        builder.Services.AddSingleton<ILinkBulkAudit, Native.Links.LinkBulkAuditLog>();
        builder.Services.AddSingleton<Native.Links.LinkParameters>();
        builder.Services.AddScoped<ApiKeyService>();
        builder.Services.AddSingleton(sp => new PasswordGuard(
            sp.GetRequiredService<IOptions<PasswordOptions>>().Value.ToLimits(), sp.GetRequiredService<TimeProvider>()));
        return builder;
    }
}
