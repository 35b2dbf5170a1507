namespace Sharekeep.Core.Links;

/// <summary>What a link's settings may be.</summary>
public static class LinkRules
{
    public const int MaxTitleLength = 255;
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 128;
    public const string DefaultTitle = "Shared link";

    /// <summary>Links that outlive this are almost always a typo in the year.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(3660);

    public static void Check(LinkSettings settings, DateTimeOffset now, ValidationErrors errors)
    {
        if (settings.Title is { Length: > MaxTitleLength })
        {
            errors.Add("title", $"title is at most {MaxTitleLength} characters.");
        }
        if (settings.Title is { } title && VisibleText.HasControlOrHiddenFormatting(title))
        {
            errors.Add("title", "title cannot contain control characters or invisible formatting (such as direction overrides).");
        }
        if (settings.Expires is { } expires && expires <= now)
        {
            errors.Add("expirationDate", "expirationDate is in the past; give a moment in the future, or none for a link that does not expire.");
        }
        if (settings.Expires is { } far && far > now + MaxLifetime)
        {
            errors.Add("expirationDate", "expirationDate is more than ten years ahead.");
        }
        if (settings.Password is { Length: > 0 } password
            && (password.Length < MinPasswordLength || password.Length > MaxPasswordLength || string.IsNullOrWhiteSpace(password)))
        {
            errors.Add("password", $"password is {MinPasswordLength} to {MaxPasswordLength} characters, not only spaces.");
        }
    }
}
