using Microsoft.Extensions.Options;
using Sharekeep.Core.Files;
using Sharekeep.Server.Hosting;

namespace Sharekeep.Server.Public;

/// <summary>
/// Whether a file's bytes go out through nginx (decision 24). Only when it is configured here and the request
/// carries nginx's announcement on a connection from a proxy named in "Sharekeep:Proxy": so a server reached both
/// through nginx and directly answers both ways correctly, and no client learns a file's internal id by claiming to
/// be nginx.
/// </summary>
internal sealed class DownloadOffload(IOptions<DownloadOptions> options)
{
    /// <summary>The header nginx sets (proxy_set_header), as Rack::Sendfile has it.</summary>
    public const string RequestHeader = "X-Sendfile-Type";

    public const string RequestValue = "X-Accel-Redirect";

    /// <summary>The response header nginx acts on; it never passes it on to the client.</summary>
    public const string ResponseHeader = "X-Accel-Redirect";

    private readonly string? _prefix = options.Value.OffloadPrefix;

    /// <summary>nginx's internal URI of the file's bytes, when this request's download is nginx's to send.</summary>
    public string? TargetFor(HttpRequest request, StoredFile file) =>
        _prefix is not null && ProxyPeer.Sent(request.HttpContext)
            && string.Equals(request.Headers[RequestHeader], RequestValue, StringComparison.OrdinalIgnoreCase)
            ? _prefix + file.Id.ToString("N")
            : null;
}
