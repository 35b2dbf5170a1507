using Microsoft.AspNetCore.Antiforgery;

namespace Sharekeep.Server.Admin;

/// <summary>The one antiforgery check of the console's forms.</summary>
internal static class AdminForms
{
    /// <summary>
    /// Lets a form through only with a valid antiforgery token, its fields read (handlers use
    /// <see cref="HttpRequest.Form"/>); a missing or stale token gets <paramref name="onStale"/>'s answer instead.
    /// The console checks the token here rather than through form binding so that a stale form gets the page
    /// back with a message, not an error body.
    /// </summary>
    public static TBuilder RequireFormToken<TBuilder>(this TBuilder builder, Func<HttpContext, IResult> onStale)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            try
            {
                var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
                if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
                {
                    return onStale(http);
                }
                await http.Request.ReadFormAsync(http.RequestAborted);
            }
            catch (InvalidDataException)
            {
                // The form is past its size limits (an upload, say); nothing of it was kept.
                return AdminEndpoints.Back(AdminNotice.TooLarge);
            }
            return await next(context);
        });

    /// <summary>The antiforgery field for the forms of the page being rendered.</summary>
    public static AdminForm TokenFor(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return new AdminForm(tokens.FormFieldName, tokens.RequestToken!);
    }
}
