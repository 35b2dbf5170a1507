using Sharekeep.Server.Hosting;
using Sharekeep.Server.Public;

namespace Sharekeep.Server.Pages;

internal static class PagesExtensions
{
    /// <summary>Server-rendered pages (Razor components, static rendering) and what the visitors' pages need.</summary>
    public static WebApplicationBuilder AddSharekeepPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddSingleton<LinkUnlockCookies>();
        builder.Services.AddSingleton<RenderedPages>();
        builder.Services.AddOptions<PageCacheOptions>()
            .BindConfiguration(PageCacheOptions.Section)
            .Validate(o => o.MaxEntries >= 1, "Sharekeep:PageCache:MaxEntries must be at least 1.")
            .Validate(o => o.MaxBytes >= ReportPages.MaxPageBytes, $"Sharekeep:PageCache:MaxBytes must be at least {ReportPages.MaxPageBytes} (one largest page).")
            .ValidateOnStart();
        builder.Services.AddOptions<DownloadOptions>()
            .BindConfiguration(DownloadOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<DownloadOffload>();
        return builder;
    }
}
