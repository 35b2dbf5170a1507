using System.Runtime.ExceptionServices;
using Microsoft.AspNetCore.Antiforgery;

namespace Sharekeep.Server.Pages;

/// <summary>What became of a page's posted form.</summary>
internal enum FormCheck
{
    /// <summary>The antiforgery token is right and the fields are read (<see cref="HttpRequest.Form"/>).</summary>
    Valid,

    /// <summary>No token, or one that is stale or not this browser's.</summary>
    Stale,

    /// <summary>The body is no form this server reads: malformed, or past the form reader's limits.</summary>
    Unreadable,
}

/// <summary>The one check of every form the server's pages post (the console's and the file page's password form).</summary>
internal static class PageForms
{
    /// <summary>
    /// Checks the antiforgery token and reads the fields. A body that cannot be read as a form is the sender's
    /// fault, answered by the page like a stale form rather than as a server error; one past the request size
    /// limit still goes to the error handler as 413.
    /// </summary>
    public static async Task<FormCheck> CheckAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            return FormCheck.Stale;
        }
        try
        {
            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return FormCheck.Stale;
            }
            await context.Request.ReadFormAsync(context.RequestAborted);
            return FormCheck.Valid;
        }
        catch (AntiforgeryValidationException wrapped) when (wrapped.InnerException is BadHttpRequestException tooLarge)
        {
            ExceptionDispatchInfo.Throw(tooLarge);
            throw;
        }
        catch (Exception unreadable) when (unreadable is InvalidDataException
            or AntiforgeryValidationException { InnerException: InvalidDataException or IOException }
            or (IOException and not BadHttpRequestException))
        {
            return FormCheck.Unreadable;
        }
    }
}
