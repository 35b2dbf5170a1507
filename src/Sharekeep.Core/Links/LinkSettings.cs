namespace Sharekeep.Core.Links;

/// <summary>
/// What a file link should be, for a new link or a change to one. Every field is applied in full, as the
/// document platform does, except the password: it is never shown, so a caller cannot send it back.
/// </summary>
public sealed record LinkSettings
{
    /// <summary>A name for the people who manage links; blank gives <see cref="LinkRules.DefaultTitle"/>.</summary>
    public string? Title { get; init; }

    /// <summary>When the link stops working; null for never.</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary>Visitors may view the file but not download it. Null when the caller did not say: a new link then takes the link policy's default, a change keeps the link's own.</summary>
    public bool? DenyDownload { get; init; }

    /// <summary>The file's primary link; making one primary takes the flag from the file's others.</summary>
    public bool Primary { get; init; }

    /// <summary>For a change: null keeps the current password, "" removes it, anything else replaces it. For a new link: null or "" for none.</summary>
    public string? Password { get; init; }
}
