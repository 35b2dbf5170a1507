using System.Text.Json;

namespace Sharekeep.Server.Native.Resources;

internal sealed record CreateReportRequest(string? Name, JsonElement? Data);

internal sealed record CreateDashboardRequest(string? Name, IReadOnlyList<Guid>? ReportIds);

internal sealed record CreatedResponse(Guid Id);

internal sealed record ReportResponse(Guid Id, string Name, JsonElement Data, DateTimeOffset Created);

internal sealed record DashboardResponse(Guid Id, string Name, IReadOnlyList<Guid> ReportIds, DateTimeOffset Created);
