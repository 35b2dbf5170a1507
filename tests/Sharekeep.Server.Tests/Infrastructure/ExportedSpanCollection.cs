using System.Collections;
using System.Diagnostics;

namespace Sharekeep.Server.Tests.Infrastructure;

/// <summary>
/// The in-memory exporter's collection, locked: the exporter adds from its own thread while a test reads, and a
/// plain list read during an add throws "Collection was modified".
/// </summary>
public sealed class ExportedSpanCollection : ICollection<Activity>
{
    private readonly List<Activity> _spans = [];

    public int Count { get { lock (_spans) { return _spans.Count; } } }

    public bool IsReadOnly => false;

    /// <summary>A copy of what was exported so far, safe to enumerate while more arrive.</summary>
    public IReadOnlyList<Activity> Snapshot()
    {
        lock (_spans)
        {
            return [.. _spans];
        }
    }

    public void Add(Activity item) { lock (_spans) { _spans.Add(item); } }

    public void Clear() { lock (_spans) { _spans.Clear(); } }

    public bool Contains(Activity item) { lock (_spans) { return _spans.Contains(item); } }

    public void CopyTo(Activity[] array, int arrayIndex) { lock (_spans) { _spans.CopyTo(array, arrayIndex); } }

    public bool Remove(Activity item) { lock (_spans) { return _spans.Remove(item); } }

    public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
