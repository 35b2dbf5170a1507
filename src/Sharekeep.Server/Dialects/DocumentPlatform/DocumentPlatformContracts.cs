using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sharekeep.Server.Dialects.DocumentPlatform;

// The platform's wire shapes, after its published OpenAPI description (tests/Sharekeep.Server.Tests/Contracts holds
// the pinned part). Field names are its own; a field it declares required is always written, an optional one that
// has no value is left out rather than written as null. Nothing here carries a password, by construction.

/// <summary>Every successful answer: the value, how many items it holds, and the request it answers.</summary>
/// <param name="Total">For a page of a list: how many items the whole list has.</param>
internal sealed record PlatformEnvelope<T>(
    T Response,
    int Count,
    IReadOnlyList<PlatformLink> Links,
    int Status,
    int StatusCode,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Total = null);

internal sealed record PlatformLink(string Href, string Action);

/// <summary>Every failed answer.</summary>
internal sealed record PlatformError(PlatformErrorDetail Error, int Status, int StatusCode);

internal sealed record PlatformErrorDetail(string Message);

/// <summary>The files settings Sharekeep really has (the platform's object has many more, for its editors).</summary>
internal sealed record FilesSettingsResponse(bool ExternalShare, bool ExternalShareSocialMedia);

/// <summary>PUT files/file/{id}/links and POST files/file/{id}/link: the platform's FileLinkRequest.</summary>
/// <param name="Access">The platform's FileShare value, as a number or its name.</param>
/// <param name="ExpirationDate">The platform's date string, an object {utcTime, timeZoneOffset}, or null/{} for none (<see cref="PlatformDates"/>).</param>
internal sealed record FileLinkRequest(
    Guid? LinkId,
    JsonElement? Access,
    JsonElement? ExpirationDate,
    string? Title,
    bool? Internal,
    bool? Primary,
    bool? DenyDownload,
    string? Password);

/// <summary>
/// One link as the platform lists it: an access entry whose subject is the link. The link is written twice, as
/// sharedTo (what older servers and clients read) and sharedLink (newer ones). The can* flags are the truth for
/// Sharekeep: an administrator may change a link's expiry and download flag and revoke it, but not its access
/// (links are read-only) nor its "internal" flag (there are no accounts).
/// </summary>
internal sealed record FileShareResponse(
    int Access,
    FileShareLinkResponse SharedTo,
    FileShareLinkResponse SharedLink,
    bool IsLocked,
    bool IsOwner,
    bool CanEditAccess,
    bool CanEditInternal,
    bool CanEditDenyDownload,
    bool CanEditExpirationDate,
    bool CanRevoke,
    int SubjectType);

internal sealed record FileShareLinkResponse(
    Guid Id,
    string Title,
    string ShareLink,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ExpirationDate,
    int LinkType,
    bool DenyDownload,
    bool IsExpired,
    bool Primary,
    bool Internal,
    string RequestToken);

/// <summary>POST files/share/{key}/password.</summary>
internal sealed record SharePasswordRequest(string? Password);

/// <summary>
/// What a visitor's key opens. Status, tenantId, shared, linkId and isAuthenticated are always there; id and title
/// are there always too, null until the visitor may see the file; the entity fields only once they may.
/// </summary>
internal sealed record ExternalShareResponse(
    int Status,
    string? Id,
    string? Title,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Type,
    int TenantId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? EntityId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? EntityTitle,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? EntityType,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? IsRoom,
    bool Shared,
    Guid LinkId,
    bool IsAuthenticated,
    bool IsRoomMember);

/// <summary>
/// A file as the platform describes one (its FileDto): every field it declares non-nullable that has a meaning
/// here, with the value that is true for Sharekeep (the caller may read and write it; nothing is muted, locked,
/// thumbnailed or a form). Dates of events Sharekeep does not have (auto-delete, last opened) and the people
/// fields (Sharekeep has no accounts) are left out.
/// </summary>
internal sealed record PlatformFileResponse(
    int Id,
    int RootFolderId,
    int FolderId,
    int Access,
    bool Mute,
    int ThumbnailStatus,
    int FormFillingStatus,
    bool SharedForUser,
    bool SharedExternal,
    bool ParentShared,
    string Title,
    int Version,
    int VersionGroup,
    string ContentLength,
    long PureContentLength,
    int FileStatus,
    string ViewUrl,
    int FileType,
    string FileExst,
    bool Encrypted,
    bool Locked,
    bool Shared,
    bool CanShare,
    string Created,
    string Updated,
    int RootFolderType,
    int FileEntryType);

/// <summary>DELETE files/file/{fileId}: the platform answers its operations; Sharekeep's delete is finished at once.</summary>
internal sealed record FileOperationResponse(
    string Id,
    [property: JsonPropertyName("Operation")] int Operation,
    int Progress,
    string? Error,
    string? Processed,
    bool Finished,
    IReadOnlyList<PlatformFileResponse> Files,
    IReadOnlyList<PlatformFileResponse> Folders);
