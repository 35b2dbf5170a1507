using Sharekeep.Server.Public;

namespace Sharekeep.Server.Pages;

internal static class PagesExtensions
{
    /// <summary>Server-rendered pages (Razor components, static rendering) and what the visitors' pages need.</summary>
    public static WebApplicationBuilder AddSharekeepPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddSingleton<LinkUnlockCookies>();
        return builder;
    }
}
