using System.Text.Json;

namespace Sharekeep.Server.Dialects.DocumentPlatform;

// The platform's wire shapes. Field names are its own; nothing here carries a password, by construction.

/// <summary>Every successful answer: the value, how many items it holds, and the request it answers.</summary>
internal sealed record PlatformEnvelope<T>(T Response, int Count, IReadOnlyList<PlatformLink> Links, int Status, int StatusCode);

internal sealed record PlatformLink(string Href, string Action);

/// <summary>Every failed answer.</summary>
internal sealed record PlatformError(PlatformErrorDetail Error, int Status, int StatusCode);

internal sealed record PlatformErrorDetail(string Message);

/// <summary>The files settings Sharekeep really has (the platform's object has many more, for its editors).</summary>
internal sealed record FilesSettingsResponse(bool ExternalShare, bool ExternalShareSocialMedia);

/// <summary>PUT files/file/{id}/links: the platform's FileLinkRequest.</summary>
/// <param name="Access">The platform's FileShare value, as a number or its name.</param>
internal sealed record FileLinkRequest(
    Guid? LinkId,
    JsonElement? Access,
    DateTimeOffset? ExpirationDate,
    string? Title,
    bool? Internal,
    bool? Primary,
    bool? DenyDownload,
    string? Password);

/// <summary>One link as the platform lists it: an access entry whose subject is the link.</summary>
internal sealed record FileShareResponse(
    int Access, FileShareLinkResponse SharedTo, bool IsLocked, bool IsOwner, bool CanEditAccess, int SubjectType);

internal sealed record FileShareLinkResponse(
    Guid Id,
    string Title,
    string ShareLink,
    DateTimeOffset? ExpirationDate,
    int LinkType,
    bool DenyDownload,
    bool IsExpired,
    bool Primary,
    bool Internal,
    string RequestToken);

/// <summary>POST files/share/{key}/password.</summary>
internal sealed record SharePasswordRequest(string? Password);

/// <summary>What a visitor's key opens; everything but status stays null until the visitor may see the file.</summary>
internal sealed record ExternalShareResponse(
    int Status,
    string? Id,
    string? Title,
    int? Type,
    string? EntityId,
    string? EntityTitle,
    int? EntityType,
    Guid? LinkId,
    bool Shared,
    bool IsAuthenticated);
