using Microsoft.AspNetCore.Antiforgery;
using Sharekeep.Server.Pages;

namespace Sharekeep.Server.Admin;

/// <summary>The one antiforgery check of the console's forms.</summary>
internal static class AdminForms
{
    /// <summary>
    /// Lets a form through only with a valid antiforgery token, its fields read (handlers use
    /// <see cref="HttpRequest.Form"/>); otherwise <paramref name="refuse"/> answers, told why. The console checks
    /// the token here rather than through form binding so that a stale form gets the page back with a message,
    /// not an error body.
    /// </summary>
    public static TBuilder RequireFormToken<TBuilder>(this TBuilder builder, Func<HttpContext, AdminNotice, IResult> refuse)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) => await PageForms.CheckAsync(context.HttpContext) switch
        {
            FormCheck.Valid => await next(context),
            FormCheck.Stale => refuse(context.HttpContext, AdminNotice.StaleForm),
            _ => refuse(context.HttpContext, AdminNotice.UnreadableForm),
        });

    /// <summary>The antiforgery field for the forms of the page being rendered.</summary>
    public static AdminForm TokenFor(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return new AdminForm(tokens.FormFieldName, tokens.RequestToken!);
    }
}
