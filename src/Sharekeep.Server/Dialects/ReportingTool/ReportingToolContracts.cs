using System.Text.Json;

namespace Sharekeep.Server.Dialects.ReportingTool;

/// <summary>The reporting tool's error envelope.</summary>
public sealed record ReportingToolError(string ErrorCode, string ErrorMessage, string? DetailedMessage);

public sealed record ReportShareRequest(string? ReportId);

public sealed record DashboardShareRequest(string? DashboardId);

public sealed record ShareIdResponse(string Id);

public sealed record ReportEvaluation(ReportDefinition ReportDefinition, ReportResult Result);

public sealed record ReportDefinition(Guid Id, string Name, DateTimeOffset Created, DateTimeOffset LastModified);

public sealed record ReportResult(JsonElement Data);

public sealed record DashboardDefinition(
    Guid Id, string Name, DateTimeOffset Created, DateTimeOffset LastModified, IReadOnlyList<DashboardTile> Tiles);

public sealed record DashboardTile(Guid Id, string Type, string Name);
