using Sharekeep.Core.Links;
using Sharekeep.Server.Public;

namespace Sharekeep.Server.Dialects.DocumentPlatform;

/// <summary>File links as the platform describes them: an access entry (FileShareDto) around the link.</summary>
internal static class PlatformLinks
{
    public static FileShareResponse ToResponse(FileLink link, HttpRequest request, DateTimeOffset now)
    {
        var shared = new FileShareLinkResponse(
            link.Id,
            link.Title,
            PublicUrls.FilePage(request, link.Key),
            PlatformDates.Write(link.Expires),
            FileShareLinkType.External,
            link.DenyDownload,
            link.IsExpired(now),
            link.Primary,
            false,
            link.Key);
        return new FileShareResponse(
            FileShareAccess.Read,
            shared,
            shared,
            IsLocked: false,
            IsOwner: false,
            CanEditAccess: false,
            CanEditInternal: false,
            CanEditDenyDownload: true,
            CanEditExpirationDate: true,
            CanRevoke: true,
            link.Primary ? ShareSubjectType.PrimaryExternalLink : ShareSubjectType.ExternalLink);
    }
}
