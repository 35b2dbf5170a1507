using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace Sharekeep.Server.Tests.Infrastructure;

/// <summary>
/// Six links of every kind and state, made a minute apart on a test clock (so their order is known), then two days
/// pass so that <see cref="ExpiredFile"/> has expired: the inventory tests' common ground.
/// </summary>
public sealed record InventorySeed(
    string Report, string Dashboard, string OpenFile, string PasswordFile, string RevokedReport, string ExpiredFile,
    Guid ReportId, Guid NotesFileId, DateTimeOffset Start)
{
    public const string Password = "correct horse battery";

    /// <summary>Newest first, as the inventory lists them by default.</summary>
    public IReadOnlyList<string> NewestFirst => [ExpiredFile, RevokedReport, PasswordFile, OpenFile, Dashboard, Report];

    public static async Task<InventorySeed> MakeAsync(SharekeepClient admin, FakeTimeProvider clock)
    {
        var start = clock.GetUtcNow();
        var reportId = await admin.CreateReportAsync("Quarterly sales");
        var report = await ShareAsync(admin, clock, "report", reportId, start.AddDays(10));
        var dashboard = await ShareAsync(admin, clock, "dashboard", await admin.CreateDashboardAsync(reportId), null);
        var notes = await admin.UploadFileAsync("notes.txt");
        var openFile = await LinkAsync(admin, clock, notes, new { title = "for tests", expires = start.AddDays(5) });
        var budget = await admin.UploadFileAsync("budget.xlsx");
        var passwordFile = await LinkAsync(admin, clock, budget, new { title = "Auditors", password = Password });
        var revoked = await ShareAsync(admin, clock, "report", await admin.CreateReportAsync("Old report"), null);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/shares/{revoked}")).Status);
        var expiredFile = await LinkAsync(admin, clock, notes, new { title = "short", expires = clock.GetUtcNow().AddDays(1).AddMinutes(1) });
        clock.Advance(TimeSpan.FromDays(2));
        return new InventorySeed(report, dashboard, openFile, passwordFile, revoked, expiredFile, reportId, notes, start);
    }

    private static async Task<string> ShareAsync(SharekeepClient admin, FakeTimeProvider clock, string type, Guid id, DateTimeOffset? expires)
    {
        clock.Advance(TimeSpan.FromMinutes(1));
        var answer = await admin.PostAsync("/api/v1/shares", new { resourceType = type, resourceId = id, expires });
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return answer.Body.GetProperty("id").GetString()!;
    }

    private static async Task<string> LinkAsync(SharekeepClient admin, FakeTimeProvider clock, Guid fileId, object body)
    {
        clock.Advance(TimeSpan.FromMinutes(1));
        var answer = await admin.PostAsync($"/api/v1/files/{fileId}/links", body);
        Assert.Equal(HttpStatusCode.Created, answer.Status);
        return answer.Body.GetProperty("id").GetString()!;
    }
}
