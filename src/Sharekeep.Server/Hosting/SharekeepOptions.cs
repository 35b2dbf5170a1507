using System.ComponentModel.DataAnnotations;

namespace Sharekeep.Server.Hosting;

/// <summary>The "Sharekeep" configuration section (environment: Sharekeep__Name).</summary>
internal sealed class SharekeepOptions
{
    public const string Section = "Sharekeep";

    /// <summary>Where the database and the generated API secret live; relative paths start at the working directory.</summary>
    [Required(ErrorMessage = "Sharekeep:DataDirectory must name a folder.")]
    public string DataDirectory { get; set; } = "./data";

    /// <summary>The admin API's bearer secret. Left empty, one is generated into the data directory.</summary>
    public string? ApiSecret { get; set; }

    /// <summary>
    /// The base64 of 32 random bytes that encrypts the Data Protection key ring stored in the database. Left empty,
    /// one is generated into the data directory. Every instance on one database needs the same key.
    /// </summary>
    public string? KeyEncryptionKey { get; set; }

    /// <summary>
    /// The address visitors reach Sharekeep at (e.g. https://share.example.com), the base of every link it hands
    /// out. Empty, links are made from the request's own scheme and Host header.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Largest request body the JSON APIs read.</summary>
    [Range(1024, 64 * 1024 * 1024, ErrorMessage = "Sharekeep:MaxRequestBodyBytes must be between 1 KiB and 64 MiB.")]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>A request body (an upload, say) that sends nothing for this long is abandoned with 408, nothing kept.</summary>
    [Range(1, 3600, ErrorMessage = "Sharekeep:RequestBodyIdleSeconds must be between 1 and 3600.")]
    public int RequestBodyIdleSeconds { get; set; } = 30;

    /// <summary>Wrong API credentials a client network (IPv4 address, IPv6 /64) may send per minute before it is answered 429.</summary>
    [Range(1, 100_000, ErrorMessage = "Sharekeep:FailedAuthenticationsPerMinute must be between 1 and 100000.")]
    public int FailedAuthenticationsPerMinute { get; set; } = 20;

    /// <summary>
    /// Administrative requests that may read or change many rows (bulk link actions, the inventory, the audit
    /// export) run at most this many at once on an instance; more are answered 429 with Retry-After.
    /// </summary>
    [Range(1, 64, ErrorMessage = "Sharekeep:HeavyRequestsAtOnce must be between 1 and 64.")]
    public int HeavyRequestsAtOnce { get; set; } = 2;

    /// <summary>
    /// The slowest average a request body may arrive at once its first <see cref="MinRequestBodyRateGrace"/> is
    /// over; slower, it is ended with 408 and nothing of it kept. It bounds an upload's total time too: at most
    /// Sharekeep:Files:MaxUploadBytes / this + the grace (100 MiB at 8 KiB/s: under 3.6 hours).
    /// </summary>
    [Range(1, 1024 * 1024 * 1024, ErrorMessage = "Sharekeep:MinRequestBodyBytesPerSecond must be between 1 and 1073741824 bytes per second.")]
    public int MinRequestBodyBytesPerSecond { get; set; } = 8 * 1024;

    /// <summary>Kestrel's own: the start of a body (a slow TCP start, a pause before the file) is not held against it.</summary>
    public static readonly TimeSpan MinRequestBodyRateGrace = TimeSpan.FromSeconds(5);
}

/// <summary>The "Sharekeep:Files" section.</summary>
internal sealed class FilesOptions
{
    public const string Section = "Sharekeep:Files";

    /// <summary>Largest file an upload may carry; a larger one is refused with 413 and nothing is kept.</summary>
    [Range(1, long.MaxValue / 2, ErrorMessage = "Sharekeep:Files:MaxUploadBytes must be a positive number of bytes.")]
    public long MaxUploadBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>The largest upload request: the file plus room for the multipart boundaries and part headers.</summary>
    public long MaxUploadRequestBytes => MaxUploadBytes + (64 * 1024);

    /// <summary>
    /// Where uploaded content is kept; empty means "files" in the data directory. Several instances must all
    /// name one shared folder (a network file system, say).
    /// </summary>
    public string? Directory { get; set; }
}

/// <summary>The "Sharekeep:Sharing" section: defaults that hold only until the API sets a value.</summary>
internal sealed class SharingOptions
{
    public const string Section = "Sharekeep:Sharing";

    /// <summary>Sharing of reports and dashboards.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>External links to files.</summary>
    public bool ExternalEnabled { get; set; } = true;

    /// <summary>
    /// Open Graph and Twitter card tags on file link pages. Off unless chosen: they publish a file's name to
    /// anyone who unfurls the link.
    /// </summary>
    public bool SocialMediaEnabled { get; set; }
}
