using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Sharekeep.Core.Links;

namespace Sharekeep.Server.Public;

/// <summary>
/// After the right password, the browser keeps a cookie that opens that one link for its session. The cookie
/// holds the link id and password stamp, signed and encrypted by ASP.NET Core Data Protection: never the
/// password, never its hash. HttpOnly (no script reads it) and SameSite=Strict (no other site sends it).
/// </summary>
internal sealed class LinkUnlockCookies(IDataProtectionProvider protection, TimeProvider time)
{
    private const string Prefix = "sharekeep-link-";

    /// <summary>Even a browser left open for days must give the password again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("Sharekeep.LinkUnlock.v1").ToTimeLimitedDataProtector();

    public static string NameFor(Guid linkId) => Prefix + linkId.ToString("N");

    /// <summary>After a password try: only a link that was opened by its password gets a cookie.</summary>
    public void IssueIfUnlocked(HttpContext context, LinkVisit visit)
    {
        if (visit is { IsOpen: true, Link: { HasPassword: true } link })
        {
            Issue(context, link);
        }
    }

    private void Issue(HttpContext context, FileLink link)
    {
        var payload = string.Create(CultureInfo.InvariantCulture, $"{link.Id:N}|{link.PasswordStamp}");
        context.Response.Cookies.Append(NameFor(link.Id), _protector.Protect(payload, time.GetUtcNow() + Lifetime), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            IsEssential = true,
        });
    }

    public LinkUnlock? Read(HttpRequest request, Guid linkId)
    {
        if (!request.Cookies.TryGetValue(NameFor(linkId), out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }
        try
        {
            var parts = _protector.Unprotect(value).Split('|');
            return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var id) && id == linkId
                ? new LinkUnlock(id, parts[1])
                : null;
        }
        catch (CryptographicException)
        {
            // Tampered, expired, or signed with a key this server no longer has: simply not unlocked.
            return null;
        }
    }
}
