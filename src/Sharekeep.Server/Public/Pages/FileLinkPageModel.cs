using Sharekeep.Core.Files;
using Sharekeep.Core.Links;

namespace Sharekeep.Server.Public.Pages;

/// <summary>
/// Everything the file link page shows; built by the endpoint, rendered by <see cref="FileLinkPage"/>.
/// Public only because Razor components are, and a component's parameters must be as visible as it.
/// </summary>
public sealed record FileLinkPageModel(
    VisitStatus Status,
    string Key,
    string PageUrl,
    StoredFile? File,
    FileLink? Link,
    bool SocialMedia,
    string? TextPreview,
    bool TextPreviewCut,
    string? PasswordError,
    TimeSpan? RetryAfter,
    string AntiforgeryField,
    string? AntiforgeryToken)
{
    public bool CanDownload => Link is { DenyDownload: false };

    public PreviewKind Preview => File is null ? PreviewKind.None : FileRules.PreviewOf(File.ContentType);
}
