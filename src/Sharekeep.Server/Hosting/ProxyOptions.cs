using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Sharekeep.Server.Hosting;

/// <summary>
/// The "Sharekeep:Proxy" section: the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed.
/// Empty (the default), such headers are ignored from everyone: anybody can send them.
/// </summary>
internal sealed class ProxyOptions : IValidatableObject
{
    public const string Section = "Sharekeep:Proxy";

    /// <summary>Addresses of the proxies, e.g. "10.0.0.5".</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in, e.g. "10.0.0.0/24".</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool IsConfigured => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"Sharekeep:Proxy:KnownProxies has \"{proxy}\", which is not an IP address.");
        }
        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"Sharekeep:Proxy:KnownNetworks has \"{network}\", which is not a network such as 10.0.0.0/24.");
        }
    }
}
