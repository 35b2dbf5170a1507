namespace Sharekeep.Server.Policy;

/// <summary>The effective policy; lastModified is null until the API first sets a value.</summary>
internal sealed record PolicyResponse(bool SharingEnabled, DateTimeOffset? LastModified);

internal sealed record AuditEntryResponse(long Id, DateTimeOffset At, string Setting, bool OldValue, bool NewValue);
