using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sharekeep.Server.Tests.Crash;

/// <summary>A write the server answered 2xx to, and how to see that it is still there.</summary>
internal abstract record Acknowledged
{
    /// <summary>Set when a later write to the same thing was sent but never answered: then either state is right.</summary>
    public bool Withdrawn { get; set; }

    /// <summary>Null when the write holds; otherwise what is wrong.</summary>
    public abstract Task<string?> CheckAsync(HttpClient client, CancellationToken cancellationToken);

    protected static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return (response.StatusCode, text.Length > 0 && text[0] is '{' or '[' ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }
}

internal sealed record ReportCreated(Guid Id, string Name, string Data) : Acknowledged
{
    public override async Task<string?> CheckAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var (status, body) = await GetAsync(client, $"/api/v1/reports/{Id}", cancellationToken);
        if (status != HttpStatusCode.OK)
        {
            return $"report {Id} answers {(int)status}";
        }
        return body.GetProperty("name").GetString() == Name && JsonNode.DeepEquals(JsonNode.Parse(body.GetProperty("data").GetRawText()), JsonNode.Parse(Data))
            ? null
            : $"report {Id} reads {body}, not {Name} {Data}";
    }
}

internal sealed record ReportDeleted(Guid Id) : Acknowledged
{
    public override async Task<string?> CheckAsync(HttpClient client, CancellationToken cancellationToken) =>
        (await GetAsync(client, $"/api/v1/reports/{Id}", cancellationToken)).Status == HttpStatusCode.NotFound ? null : $"deleted report {Id} is back";
}

internal sealed record ReportShared(Guid ReportId, string Key) : Acknowledged
{
    public override async Task<string?> CheckAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var (status, body) = await GetAsync(client, $"/api/v1/shares?resourceId={ReportId}", cancellationToken);
        return status == HttpStatusCode.OK && body.EnumerateArray().Any(s => s.GetProperty("id").GetString() == Key && s.GetProperty("revoked").ValueKind == JsonValueKind.Null)
            ? null
            : $"the share of report {ReportId} is missing ({(int)status} {body})";
    }
}

internal sealed record FileUploaded(Guid Id, byte[] Sha256) : Acknowledged
{
    public override async Task<string?> CheckAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri($"/api/v1/files/{Id}/content", UriKind.Relative), cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return $"file {Id} answers {(int)response.StatusCode}";
        }
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return SHA256.HashData(content).AsSpan().SequenceEqual(Sha256) ? null : $"file {Id} has other content ({content.Length} bytes)";
    }
}

internal sealed record FileLinked(Guid FileId, Guid LinkId, string Title, string Key) : Acknowledged
{
    public override async Task<string?> CheckAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var (status, body) = await GetAsync(client, $"/api/2.0/files/file/{FileId}/links", cancellationToken);
        return status == HttpStatusCode.OK && body.GetProperty("response").EnumerateArray().Select(l => l.GetProperty("sharedTo")).Any(l =>
                l.GetProperty("id").GetGuid() == LinkId && l.GetProperty("title").GetString() == Title && l.GetProperty("requestToken").GetString() == Key)
            ? null
            : $"link {LinkId} of file {FileId} is missing ({(int)status})";
    }
}

/// <summary>Every acknowledged write of the run; those since the last check are checked after each restart.</summary>
internal sealed class AcknowledgedWrites
{
    private readonly Lock _gate = new();
    private readonly List<Acknowledged> _all = [];
    private readonly List<Acknowledged> _unchecked = [];
    private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _toGo = int.MaxValue;
    private int _inFlight;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _all.Count;
            }
        }
    }

    /// <summary>Writes sent and not yet answered.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    public void Sending() => Interlocked.Increment(ref _inFlight);

    public void Answered() => Interlocked.Decrement(ref _inFlight);

    public void Add(Acknowledged write)
    {
        lock (_gate)
        {
            _all.Add(write);
            _unchecked.Add(write);
            if (--_toGo <= 0)
            {
                _reached.TrySetResult();
            }
        }
    }

    /// <summary>Completes once <paramref name="count"/> more writes have been acknowledged.</summary>
    public Task AfterAsync(int count)
    {
        lock (_gate)
        {
            _toGo = count;
            _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _reached.Task;
        }
    }

    /// <summary>What is wrong with the writes since the last check (or with all of them).</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(HttpClient client, bool all, CancellationToken cancellationToken)
    {
        List<Acknowledged> writes;
        lock (_gate)
        {
            writes = [.. (all ? _all : _unchecked).Where(w => !w.Withdrawn)];
            _unchecked.Clear();
        }
        var problems = new List<string>();
        foreach (var write in writes)
        {
            if (await write.CheckAsync(client, cancellationToken) is { } problem)
            {
                problems.Add(problem);
            }
        }
        return problems;
    }
}
