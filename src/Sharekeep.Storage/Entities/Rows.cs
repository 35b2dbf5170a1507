namespace Sharekeep.Storage.Entities;

// Rows are kept apart from the domain records so that the domain never bends to the database's shape.

internal sealed class ReportRow
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string DataJson { get; set; }
    public DateTimeOffset Created { get; set; }
}

internal sealed class DashboardRow
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public DateTimeOffset Created { get; set; }
    public List<DashboardReportRow> Reports { get; set; } = [];
}

internal sealed class DashboardReportRow
{
    public Guid DashboardId { get; set; }
    public Guid ReportId { get; set; }
    public int Position { get; set; }
}

internal sealed class ShareRow
{
    /// <summary>The share's key (<see cref="Core.Shares.Share.Key"/>): the column keeps the name the first schema gave it.</summary>
    public required string Id { get; set; }
    public int Kind { get; set; }
    public Guid ResourceId { get; set; }
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset? Revoked { get; set; }
    public DateTimeOffset? Expires { get; set; }
}

internal sealed class PolicySettingRow
{
    public required string Name { get; set; }
    public bool Value { get; set; }
    public DateTimeOffset Modified { get; set; }
}

/// <summary>
/// One audit entry (the table keeps the name it had when it held only the policy's changes). A switch's or the link
/// policy's entry fills Setting and the values; every other action writes its name into Setting as well, so a
/// release that knew only the switches skips the entry instead of misreading it.
/// </summary>
internal sealed class PolicyAuditRow
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Setting { get; set; }

    /// <summary>The action's name (<see cref="Core.Audit.AuditActions"/>); null only in rows written by a release before it.</summary>
    public string? Action { get; set; }

    /// <summary>The ids of the records it touched, as a JSON array of strings; null for none.</summary>
    public string? Records { get; set; }

    /// <summary>The entry's details as a JSON object; null for none.</summary>
    public string? Details { get; set; }

    public bool OldValue { get; set; }
    public bool NewValue { get; set; }
    public string? Actor { get; set; }

    /// <summary>For a link policy's change (Setting "LinkPolicy"): the policies before and after, as JSON; the booleans are unused.</summary>
    public string? OldPolicy { get; set; }
    public string? NewPolicy { get; set; }
}

/// <summary>The link policy as set through the API: one row (Id 1), absent until it is first set.</summary>
internal sealed class LinkPolicyRow
{
    public const int SingleId = 1;

    public int Id { get; set; }
    public int? FileDefaultLifetimeDays { get; set; }
    public int? FileMaxLifetimeDays { get; set; }
    public bool FileRequirePassword { get; set; }
    public int? FileMinPasswordLength { get; set; }
    public bool FileDenyDownloadByDefault { get; set; }
    public int? ShareDefaultLifetimeDays { get; set; }
    public int? ShareMaxLifetimeDays { get; set; }
    public DateTimeOffset Modified { get; set; }
}

internal sealed class FileRow
{
    public Guid Id { get; set; }
    public int Number { get; set; }
    public required string Name { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset Created { get; set; }
}

internal sealed class FileLinkRow
{
    public Guid Id { get; set; }
    public Guid FileId { get; set; }
    public required string Key { get; set; }
    public required string Title { get; set; }
    public DateTimeOffset? Expires { get; set; }
    public bool DenyDownload { get; set; }
    public bool IsPrimary { get; set; }
    public string? PasswordHash { get; set; }
    public string? PasswordStamp { get; set; }
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset? Revoked { get; set; }
}

internal sealed class ConsoleSessionRow
{
    public Guid Id { get; set; }
    public required string CredentialStamp { get; set; }
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset LastSeen { get; set; }
    public DateTimeOffset? Ended { get; set; }
    public string? Address { get; set; }
    public string? UserAgent { get; set; }
}

internal sealed class ApiKeyRow
{
    public Guid Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Scope names, comma-separated ("read,share").</summary>
    public required string Scopes { get; set; }

    public required string KeyDigest { get; set; }
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset? Expires { get; set; }
    public DateTimeOffset? Revoked { get; set; }
    public DateTimeOffset? LastUsed { get; set; }
    public string? LastUsedAddress { get; set; }
}

/// <summary>A named counter whose value only grows: the last number it gave.</summary>
internal sealed class CounterRow
{
    public required string Name { get; set; }
    public long Value { get; set; }
}

internal sealed class PasswordFailureRow
{
    public Guid Id { get; set; }
    public Guid LinkId { get; set; }
    public required string Network { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>An admin unlocked the link: this failure no longer counts for it, but still for its network.</summary>
    public bool LinkForgiven { get; set; }

    /// <summary>An admin unlocked the network: this failure no longer counts for it, but still for its link.</summary>
    public bool NetworkForgiven { get; set; }
}
