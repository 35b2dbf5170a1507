namespace Sharekeep.Server.Public;

/// <summary>
/// A set of response headers that a kind of answer always carries. Every policy of the server is defined here,
/// and applied as the answer starts (<see cref="SecurityHeaderExtensions.UseHeaderPolicies"/>) on the routes it covers.
/// </summary>
internal sealed class HeaderPolicy
{
    /// <summary>No script at all (the pages need none), styles and images from our origin only, never framed.</summary>
    public const string PageContentPolicy =
        "default-src 'none'; img-src 'self'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>
    /// Every answer to a URL that carries a key: kept out of caches (it depends on the policy of the moment), the key
    /// kept out of the Referer of anything it links to, and never sniffed.
    /// </summary>
    public static readonly HeaderPolicy KeyInUrl = new(
        ("Cache-Control", "no-store"), ("Referrer-Policy", "no-referrer"), ("X-Content-Type-Options", "nosniff"));

    /// <summary>Report and dashboard pages: nothing loads from elsewhere, nothing frames them, nothing indexes them.</summary>
    public static readonly HeaderPolicy SharedPage = new(
        ("Content-Security-Policy", PageContentPolicy), ("X-Frame-Options", "DENY"), ("X-Robots-Tag", "noindex, nofollow"));

    /// <summary>
    /// A file link's page: as <see cref="SharedPage"/>, and it may frame its own PDF preview. Whether search engines
    /// may index it depends on the social-media switch, so the page decides that itself.
    /// </summary>
    public static readonly HeaderPolicy FilePage = new(
        ("Content-Security-Policy", PageContentPolicy + "; frame-src 'self'"), ("X-Frame-Options", "DENY"));

    /// <summary>
    /// The interactive API reference at /docs: its script and styles come from our origin (its bootstrap is an
    /// inline module, hence 'unsafe-inline'), it reaches only our origin, and nothing frames it.
    /// </summary>
    public static readonly HeaderPolicy ApiReference = new(
        ("Content-Security-Policy",
            "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
        ("X-Frame-Options", "DENY"),
        ("X-Content-Type-Options", "nosniff"));

    /// <summary>Answers that carry a credential (a new API key): never kept by a cache, never sniffed.</summary>
    public static readonly HeaderPolicy Credential = new(("Cache-Control", "no-store"), ("X-Content-Type-Options", "nosniff"));

    /// <summary>The console: as the shared pages, never cached, and sent only to its own origin as a referrer.</summary>
    public static readonly HeaderPolicy AdminPage = new(
        ("Content-Security-Policy", PageContentPolicy),
        ("X-Frame-Options", "DENY"),
        ("X-Content-Type-Options", "nosniff"),
        ("Cache-Control", "no-store"),
        ("Referrer-Policy", "same-origin"));

    private readonly (string Name, string Value)[] _headers;

    private HeaderPolicy(params (string Name, string Value)[] headers) => _headers = headers;

    public void ApplyTo(HttpResponse response)
    {
        foreach (var (name, value) in _headers)
        {
            response.Headers[name] = value;
        }
    }
}

internal static class SecurityHeaderExtensions
{
    /// <summary>Every answer of these routes carries <paramref name="policy"/>'s headers (see <see cref="UseHeaderPolicies"/>).</summary>
    public static TBuilder WithHeaders<TBuilder>(this TBuilder builder, HeaderPolicy policy)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(policy);

    /// <summary>
    /// The headers of the routed endpoint's policies are set as its answer starts, so that they win over what the
    /// handler and the framework set meanwhile (antiforgery's own Cache-Control and X-Frame-Options). A callback at
    /// the start costs a visitor's request less than an endpoint filter, which boxes every handler's arguments.
    /// </summary>
    public static WebApplication UseHeaderPolicies(this WebApplication app)
    {
        app.Use(static (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetOrderedMetadata<HeaderPolicy>() is { Count: > 0 } policies)
            {
                // The policies travel with the callback: the exception handler forgets the endpoint before it
                // answers, and an error answer of these routes needs their headers as much as any other.
                context.Response.OnStarting(static state =>
                {
                    var (response, policies) = ((HttpResponse, IReadOnlyList<HeaderPolicy>))state;
                    foreach (var policy in policies)
                    {
                        policy.ApplyTo(response);
                    }
                    return Task.CompletedTask;
                }, (context.Response, policies));
            }
            return next(context);
        });
        return app;
    }
}
