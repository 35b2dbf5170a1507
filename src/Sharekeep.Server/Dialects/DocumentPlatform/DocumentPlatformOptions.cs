using System.ComponentModel.DataAnnotations;

namespace Sharekeep.Server.Dialects.DocumentPlatform;

/// <summary>The "Sharekeep:DocumentPlatform" section: values the platform's API answers that Sharekeep has no other source for.</summary>
internal sealed class DocumentPlatformOptions
{
    public const string Section = "Sharekeep:DocumentPlatform";

    /// <summary>The tenant (portal) id in external share answers; clients that check it expect their portal's.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "Sharekeep:DocumentPlatform:TenantId must be a number from 0 up.")]
    public int TenantId { get; set; } = 1;
}
