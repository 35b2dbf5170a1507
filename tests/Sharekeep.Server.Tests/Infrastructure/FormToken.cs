using System.Net;
using System.Text.RegularExpressions;

namespace Sharekeep.Server.Tests.Infrastructure;

/// <summary>The antiforgery field a server-rendered form carries, read from the page as a browser would send it back.</summary>
public static partial class FormToken
{
    public const string FieldName = "__RequestVerificationToken";

    /// <summary>The token's value (HTML-decoded); fails the test when the page has none.</summary>
    public static string In(string page, string because = "The page has no antiforgery token.")
    {
        var match = TokenField().Match(page);
        Assert.True(match.Success, because);
        return WebUtility.HtmlDecode(match.Groups["value"].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex TokenField();
}
