namespace Sharekeep.Core.Links;

/// <summary>
/// A request to create, change or revoke a link. Every field is applied in full, as the document platform
/// does, except the password: it is never shown, so a caller cannot send it back, and null keeps it.
/// </summary>
/// <param name="LinkId">The link to change or revoke; null (or unused) creates one.</param>
/// <param name="Revoke">True for the platform's "no access": the link stops working for good.</param>
/// <param name="Password">Null keeps the current password, "" removes it, anything else replaces it.</param>
public sealed record LinkSettings(
    Guid? LinkId,
    bool Revoke,
    string? Title,
    DateTimeOffset? Expires,
    bool DenyDownload,
    bool Primary,
    string? Password);
