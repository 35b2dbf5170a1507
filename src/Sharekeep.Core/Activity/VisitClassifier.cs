using System.Buffers;

namespace Sharekeep.Core.Activity;

/// <summary>What of a request tells a person from a robot or a browser fetching ahead.</summary>
public readonly record struct VisitRequest(string Method, string? UserAgent, string? SecPurpose = null, string? Purpose = null, string? Range = null);

/// <summary>
/// Tells what a person did from what a robot or a browser did on its own, so that views count people: a HEAD, a
/// prefetch (<c>Sec-Purpose</c> / <c>Purpose: prefetch</c>), a range that does not start at byte 0 (a player or a
/// download manager continuing what was already counted), and the link-preview and link-scanning agents of
/// <see cref="PreviewAgents"/> are previews. A request without a user agent is not known to be a robot: a view.
/// </summary>
public static class VisitClassifier
{
    /// <summary>
    /// THE list of link-preview and security-scanner agents (matched anywhere in the user agent, any case). Only a
    /// robot's own token is listed, never an app's name alone: an app's in-app browser names the app for the person
    /// who tapped the link. Teams' previews say SkypeUriPreview or MicrosoftPreview, not "Teams" (its browser's);
    /// Snapchat's say "Snap URL Preview Service" (Snap's robots page) or, for a web share, "Snapchat Creative Kit Web
    /// Share", while its in-app browser ends "Snapchat/13.x".
    /// </summary>
    public static readonly IReadOnlyList<string> PreviewAgents =
    [
        "Slackbot", "Slack-ImgProxy", "SkypeUriPreview", "MicrosoftPreview", "Microsoft Office", "ms-office", "MSOffice",
        "Outlook-Safelinks", "BingPreview", "bingbot", "Twitterbot", "facebookexternalhit", "Facebot", "meta-externalagent",
        "LinkedInBot", "Discordbot", "WhatsApp", "TelegramBot", "Googlebot", "Google-InspectionTool", "AdsBot-Google",
        "Google-PageRenderer", "Applebot", "redditbot", "Pinterestbot", "Embedly", "Iframely", "vkShare", "Mattermost-Bot",
        "Snap URL Preview Service", "Snapchat Creative Kit Web Share", "Yahoo! Slurp", "YandexBot", "DuckDuckBot", "Baiduspider", "Mimecast", "Proofpoint", "Barracuda",
    ];

    /// <summary>
    /// Agents that are a previewing app's own HTTP client, known by how the user agent begins. Viber publishes no
    /// preview robot: the app fetches previews itself as "Viber/24.1.0 CFNetwork/… Darwin/…", while its in-app browser
    /// sends a browser's user agent, which begins "Mozilla/" whatever app it names.
    /// </summary>
    public static readonly IReadOnlyList<string> PreviewAgentPrefixes = ["Viber/"];

    private static readonly SearchValues<string> Agents = SearchValues.Create([.. PreviewAgents], StringComparison.OrdinalIgnoreCase);

    public static bool IsPreview(VisitRequest request) =>
        string.Equals(request.Method, "HEAD", StringComparison.OrdinalIgnoreCase)
        || IsPrefetch(request.SecPurpose)
        || IsPrefetch(request.Purpose)
        || IsContinuation(request.Range)
        || IsPreviewAgent(request.UserAgent);

    public static bool IsPreviewAgent(string? userAgent) =>
        userAgent is not null
        && (userAgent.AsSpan().ContainsAny(Agents) || PreviewAgentPrefixes.Any(p => userAgent.StartsWith(p, StringComparison.OrdinalIgnoreCase)));

    /// <summary><c>prefetch</c> as a token of the header's list (<c>prefetch;prerender</c> included).</summary>
    private static bool IsPrefetch(string? purpose) =>
        purpose is not null && purpose.Contains("prefetch", StringComparison.OrdinalIgnoreCase);

    /// <summary>A <c>bytes=</c> range whose first part does not start at 0 (a suffix range <c>-N</c> included).</summary>
    public static bool IsContinuation(string? range)
    {
        if (range is null)
        {
            return false;
        }
        var text = range.AsSpan().Trim();
        if (!text.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var first = text["bytes=".Length..];
        var comma = first.IndexOf(',');
        if (comma >= 0)
        {
            first = first[..comma];
        }
        first = first.Trim();
        var dash = first.IndexOf('-');
        if (dash < 0)
        {
            return false;
        }
        var start = first[..dash].Trim();
        return start.Length == 0 || start.TrimStart('0').Length > 0;
    }
}
