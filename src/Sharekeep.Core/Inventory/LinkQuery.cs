namespace Sharekeep.Core.Inventory;

/// <summary>What a link opens: a report's or dashboard's share, or a file link.</summary>
public enum LinkKind
{
    Report,
    Dashboard,
    File,
}

/// <summary>Active: not revoked and not expired now; expired: not revoked, expiry passed; revoked.</summary>
public enum LinkState
{
    Active,
    Expired,
    Revoked,
}

public enum LinkSort
{
    CreatedDescending,
    CreatedAscending,
    ExpiresDescending,
    ExpiresAscending,
}

/// <summary>The two tables links live in; their order is the tie-break between a share and a file link at the same moment.</summary>
public enum LinkTable
{
    Shares = 0,
    FileLinks = 1,
}

/// <summary>Which links a listing or a bulk action covers; a null field does not filter. Every field must hold.</summary>
public sealed record LinkFilter
{
    public IReadOnlySet<LinkKind>? Kinds { get; init; }

    /// <summary>The report, dashboard or file the link opens.</summary>
    public Guid? ResourceId { get; init; }

    /// <summary>Only file links, of this file.</summary>
    public Guid? FileId { get; init; }

    public IReadOnlySet<LinkState>? States { get; init; }

    /// <summary>Shares never have a password: true leaves them out, false keeps them all.</summary>
    public bool? HasPassword { get; init; }

    /// <summary>
    /// Only file links with this denyDownload, true or false: a share has no such setting, so it matches neither
    /// (docs/decisions/0034). Bulk narrowing sets it too, to what set-deny-download still has to change.
    /// </summary>
    public bool? DenyDownload { get; init; }

    public DateTimeOffset? CreatedAfter { get; init; }

    public DateTimeOffset? CreatedBefore { get; init; }

    /// <summary>Links that expire, strictly after this; links that never expire do not match.</summary>
    public DateTimeOffset? ExpiresAfter { get; init; }

    public DateTimeOffset? ExpiresBefore { get; init; }

    /// <summary>Leaves out links expiring exactly then (what expire-at would not change); links that never expire stay in.</summary>
    public DateTimeOffset? ExpiresOtherThan { get; init; }

    /// <summary>Case-insensitive substring of the resource's or file's name, or the file link's title.</summary>
    public string? Text { get; init; }

    /// <summary>Whether links of this table can match at all: the cheap answer that saves a query.</summary>
    public bool Covers(LinkTable table) => table switch
    {
        LinkTable.Shares => FileId is null && HasPassword != true && DenyDownload is null
            && (Kinds is null || Kinds.Contains(LinkKind.Report) || Kinds.Contains(LinkKind.Dashboard)),
        _ => Kinds is null || Kinds.Contains(LinkKind.File),
    };

    /// <summary>The share kinds the filter keeps (both when it names none).</summary>
    public bool CoversShareKind(LinkKind kind) => Kinds is null || Kinds.Contains(kind);
}

/// <summary>A page of the inventory: the links after <paramref name="After"/> in <paramref name="Sort"/> order, at most <paramref name="Limit"/>.</summary>
public sealed record LinkQuery(LinkFilter Filter, LinkSort Sort, int Limit, LinkPosition? After);

/// <summary>
/// Where a link stands in a sort: its sort value (null in an expires sort for a link that never expires), its
/// table, and its key (the share's key, the file link's key), unique within the table.
/// </summary>
public sealed record LinkPosition(LinkSort Sort, DateTimeOffset? Value, LinkTable Table, string Key);
