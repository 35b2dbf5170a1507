namespace Sharekeep.Server.Hosting;

/// <summary>
/// Present on a request whose connection comes from a proxy named in "Sharekeep:Proxy": what such a proxy says
/// about the request (the download offload's announcement) is believed; from anyone else it is not.
/// </summary>
internal sealed class ProxyPeer
{
    public static readonly ProxyPeer Instance = new();

    private ProxyPeer()
    {
    }

    public static bool Sent(HttpContext context) => context.Features.Get<ProxyPeer>() is not null;
}
