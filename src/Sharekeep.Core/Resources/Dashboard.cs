namespace Sharekeep.Core.Resources;

/// <summary>A dashboard: a name and its reports, in the order they are shown.</summary>
public sealed record Dashboard(Guid Id, string Name, IReadOnlyList<Guid> ReportIds, DateTimeOffset Created);
