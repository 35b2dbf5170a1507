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

    /// <summary>Largest request body the JSON APIs read.</summary>
    [Range(1024, 64 * 1024 * 1024, ErrorMessage = "Sharekeep:MaxRequestBodyBytes must be between 1 KiB and 64 MiB.")]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}

/// <summary>The "Sharekeep:Sharing" section: defaults that hold only until the API sets a value.</summary>
internal sealed class SharingOptions
{
    public const string Section = "Sharekeep:Sharing";

    public bool Enabled { get; set; } = true;
}
