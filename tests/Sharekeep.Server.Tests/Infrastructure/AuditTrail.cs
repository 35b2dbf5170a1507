using System.Net;
using System.Text.Json;

namespace Sharekeep.Server.Tests.Infrastructure;

/// <summary>The audit as GET /api/v1/audit answers it, for tests that check what was recorded.</summary>
public static class AuditTrail
{
    /// <summary>The entries the query finds, newest first; fails the test unless the answer is 200.</summary>
    public static async Task<List<JsonElement>> ReadAsync(SharekeepClient admin, string query = "")
    {
        var answer = await admin.GetAsync("/api/v1/audit" + query);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return [.. answer.Body.EnumerateArray()];
    }

    /// <summary>The one entry of <paramref name="action"/>; fails the test unless there is exactly one.</summary>
    public static async Task<JsonElement> SingleAsync(SharekeepClient admin, string action) =>
        Assert.Single(await ReadAsync(admin, "?action=" + action));

    public static string Actor(this JsonElement entry) => entry.GetProperty("actor").GetString()!;

    public static string Action(this JsonElement entry) => entry.GetProperty("action").GetString()!;

    public static List<string> Records(this JsonElement entry) => [.. entry.GetProperty("records").EnumerateArray().Select(r => r.GetString()!)];

    public static string? Detail(this JsonElement entry, string name) =>
        entry.GetProperty("details").GetProperty(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
