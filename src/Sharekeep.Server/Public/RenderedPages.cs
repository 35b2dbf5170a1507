using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Sharekeep.Server.Public;

/// <summary>
/// Visitors' pages rendered once and kept as bytes. A page is kept with the records it was rendered from (the
/// instances the record cache handed out), and served only while the record cache still hands out those same
/// instances: a write here, a change notice from another instance, an expiry or a suspended cache all drop the
/// records, the next request gets new instances, and the page is rendered again. So a page is never older than the
/// records behind it, and needs no invalidation of its own. Whether a visitor may see a page at all is decided
/// before it is looked up here, on every request.
/// </summary>
internal sealed class RenderedPages : IDisposable
{
    private readonly MemoryCache _pages;
    private readonly long _smallestCharge;
    private readonly IServiceProvider _services;
    private readonly ILoggerFactory _loggers;
    private readonly ConcurrentDictionary<PageKey, Rendering> _rendering = new();
    private long _renders;

    public RenderedPages(IOptions<PageCacheOptions> options, IServiceProvider services, ILoggerFactory loggers)
    {
        var bounds = options.Value;
        // One limit bounds both: every page is charged its bytes but at least MaxBytes / MaxEntries, so no more
        // than MaxEntries fit, and never more than MaxBytes.
        _pages = new MemoryCache(new MemoryCacheOptions { SizeLimit = bounds.MaxBytes, CompactionPercentage = 0.1 });
        _smallestCharge = Math.Max(1, bounds.MaxBytes / Math.Max(1, bounds.MaxEntries));
        _services = services;
        _loggers = loggers;
    }

    /// <summary>How many pages were rendered since start: what tests count to prove a page is not rendered again.</summary>
    public long Renders => Interlocked.Read(ref _renders);

    public long Count => _pages.Count;

    /// <summary>
    /// The page <paramref name="key"/> as rendered from <paramref name="sources"/>; rendered now from
    /// <paramref name="model"/> (built only then) if it was not, or was rendered from other instances. Requests that
    /// arrive while it renders wait for that one rendering.
    /// </summary>
    public Task<byte[]> GetOrRenderAsync<TComponent>(PageKey key, IReadOnlyList<object> sources, Func<object> model)
        where TComponent : IComponent =>
        GetOrRenderAsync<TComponent>(key, sources, () => Task.FromResult(model()));

    /// <inheritdoc cref="GetOrRenderAsync{TComponent}(PageKey, IReadOnlyList{object}, Func{object})"/>
    public async Task<byte[]> GetOrRenderAsync<TComponent>(PageKey key, IReadOnlyList<object> sources, Func<Task<object>> model)
        where TComponent : IComponent
    {
        if (_pages.TryGetValue(key, out Rendered? kept) && kept!.IsFrom(sources))
        {
            return kept.Body;
        }
        var mine = new Rendering(sources, () => RenderAsync<TComponent>(model));
        var running = _rendering.AddOrUpdate(key, mine, (_, other) => other.IsFrom(sources) ? other : mine);
        if (!ReferenceEquals(running, mine))
        {
            return await running.Body.Value;
        }
        try
        {
            // Rendered and kept by another request between the first look and now: the rendering it left is gone.
            if (_pages.TryGetValue(key, out kept) && kept!.IsFrom(sources))
            {
                return kept.Body;
            }
            var body = await mine.Body.Value;
            _pages.Set(key, new Rendered(sources, body), new MemoryCacheEntryOptions { Size = Math.Max(_smallestCharge, body.Length) });
            return body;
        }
        finally
        {
            _rendering.TryRemove(KeyValuePair.Create(key, mine));
        }
    }

    private async Task<byte[]> RenderAsync<TComponent>(Func<Task<object>> model)
        where TComponent : IComponent
    {
        Interlocked.Increment(ref _renders);
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { ["Model"] = await model() });
        await using var renderer = new HtmlRenderer(_services, _loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var html = await renderer.RenderComponentAsync<TComponent>(parameters);
            using var buffer = new MemoryStream();
            await using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true))
            {
                html.WriteHtmlTo(writer);
            }
            return buffer.ToArray();
        });
    }

    public void Dispose() => _pages.Dispose();

    /// <summary>A kept page. Its records are held weakly: a page must not keep alive the records the cache let go.</summary>
    private sealed class Rendered(IReadOnlyList<object> sources, byte[] body)
    {
        private readonly WeakReference<object>[] _sources = [.. sources.Select(s => new WeakReference<object>(s))];

        public byte[] Body { get; } = body;

        public bool IsFrom(IReadOnlyList<object> sources) =>
            sources.Count == _sources.Length
            && _sources.Select((s, i) => s.TryGetTarget(out var held) && ReferenceEquals(held, sources[i])).All(same => same);
    }

    private sealed class Rendering(IReadOnlyList<object> sources, Func<Task<byte[]>> render)
    {
        public Lazy<Task<byte[]>> Body { get; } = new(render);

        public bool IsFrom(IReadOnlyList<object> others) =>
            others.Count == sources.Count && sources.Select((s, i) => ReferenceEquals(s, others[i])).All(same => same);
    }
}

/// <summary>
/// Which page: its route, the key in its URL and whatever else the markup depends on (the address it gives
/// itself, a policy switch it shows). A page whose markup depends on nothing of the record has an empty id.
/// </summary>
internal readonly record struct PageKey(string Page, string Id, string Variant = "");

/// <summary>A prepared page: the same status, type and headers as a rendered component's answer, from bytes.</summary>
internal sealed class PreparedPage(byte[] body, int statusCode) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public const string HtmlType = "text/html; charset=utf-8";

    public int? StatusCode => statusCode;

    public string ContentType => HtmlType;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = HtmlType;
        response.ContentLength = body.Length;
        // What a rendered component's answer says; kept so that nothing a browser sees changes.
        response.Headers["blazor-enhanced-nav"] = "allow";
        return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }
}
