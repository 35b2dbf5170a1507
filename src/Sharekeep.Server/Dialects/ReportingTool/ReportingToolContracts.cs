using System.Text.Json;

namespace Sharekeep.Server.Dialects.ReportingTool;

/// <summary>The reporting tool's error envelope.</summary>
internal sealed record ReportingToolError(string ErrorCode, string ErrorMessage, string? DetailedMessage);

internal sealed record ReportShareRequest(string? ReportId);

internal sealed record DashboardShareRequest(string? DashboardId);

internal sealed record ShareIdResponse(string Id);

internal sealed record ReportEvaluation(ReportDefinition ReportDefinition, ReportResult Result);

internal sealed record ReportDefinition(Guid Id, string Name, DateTimeOffset Created, DateTimeOffset LastModified);

internal sealed record ReportResult(JsonElement Data);

internal sealed record DashboardDefinition(
    Guid Id, string Name, DateTimeOffset Created, DateTimeOffset LastModified, IReadOnlyList<DashboardTile> Tiles);

internal sealed record DashboardTile(Guid Id, string Type, string Name);
