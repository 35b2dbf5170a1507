using System.ComponentModel.DataAnnotations;

namespace Sharekeep.Server.Hosting;

/// <summary>
/// The "Sharekeep:Downloads" section. Kestrel has no zero-copy path: every byte it serves is copied through the
/// process. Behind nginx, a download can instead be handed back to nginx once Sharekeep has decided it may go out
/// (X-Accel-Redirect), and nginx sends the file with sendfile, ranges and conditional requests included.
/// </summary>
internal sealed class DownloadOptions : IValidatableObject
{
    public const string Section = "Sharekeep:Downloads";

    /// <summary>
    /// nginx's internal location that maps to the files folder, e.g. "/_sharekeep_files/". Unset (the default),
    /// Sharekeep sends every byte itself. Set, it hands a download to nginx only when the request says it came
    /// through nginx configured for it (<see cref="Public.DownloadOffload.RequestHeader"/>) on a connection from a
    /// proxy named in "Sharekeep:Proxy".
    /// </summary>
    public string? OffloadPrefix { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (OffloadPrefix is { } prefix
            && (prefix.Length < 3 || prefix[0] != '/' || prefix[^1] != '/' || prefix.Contains("//", StringComparison.Ordinal)
                || !prefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '.')
                || prefix.Contains("/../", StringComparison.Ordinal) || prefix.Contains("/./", StringComparison.Ordinal)))
        {
            yield return new ValidationResult(
                $"Sharekeep:Downloads:OffloadPrefix is \"{prefix}\"; it must be a path such as /_sharekeep_files/ (starting and ending with '/', letters, digits, '_', '-' and '.').");
        }
    }
}
