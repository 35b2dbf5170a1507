using System.Text.Json;

namespace Sharekeep.Server.Resources;

public sealed record CreateReportRequest(string? Name, JsonElement? Data);

public sealed record CreateDashboardRequest(string? Name, IReadOnlyList<Guid>? ReportIds);

public sealed record CreatedResponse(Guid Id);

public sealed record ReportResponse(Guid Id, string Name, JsonElement Data, DateTimeOffset Created);

public sealed record DashboardResponse(Guid Id, string Name, IReadOnlyList<Guid> ReportIds, DateTimeOffset Created);
