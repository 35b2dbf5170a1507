using System.Text.Json;

namespace Sharekeep.Server.Dialects.ReportingTool;

/// <summary>The reporting tool's error envelope.</summary>
internal sealed record ReportingToolError(string ErrorCode, string ErrorMessage, string? DetailedMessage);

internal sealed record ReportShareRequest(string? ReportId);

internal sealed record DashboardShareRequest(string? DashboardId);

internal sealed record ShareIdResponse(string Id);

/// <summary>A report's share: the share id and the report it opens.</summary>
internal sealed record ReportShareResponse(string Id, Guid ReportId);

/// <summary>A dashboard's share: the share id and the dashboard it opens.</summary>
internal sealed record DashboardShareResponse(string Id, Guid DashboardId);

/// <summary>Which of these reports and dashboards are shared; either list may be missing or null.</summary>
internal sealed record ShareStatusRequest(IReadOnlyList<string?>? Reports, IReadOnlyList<string?>? Dashboards);

/// <summary>Each asked id, as it was sent, mapped to whether it has an active share.</summary>
internal sealed record ShareStatusResponse(IReadOnlyDictionary<string, bool> Reports, IReadOnlyDictionary<string, bool> Dashboards);

internal sealed record ReportEvaluation(ReportDefinition ReportDefinition, ReportResult Result);

internal sealed record ReportDefinition(Guid Id, string Name, DateTimeOffset Created, DateTimeOffset LastModified);

internal sealed record ReportResult(JsonElement Data);

internal sealed record DashboardDefinition(
    Guid Id, string Name, DateTimeOffset Created, DateTimeOffset LastModified, IReadOnlyList<DashboardTile> Tiles);

internal sealed record DashboardTile(Guid Id, string Type, string Name);
