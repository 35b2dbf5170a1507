using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sharekeep.Core.Audit;
using Sharekeep.Core.Credentials;
using Sharekeep.Server.Native.Audit;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>GET /api/v1/audit's filters and pages, and /api/v1/audit/export's files.</summary>
public sealed class AuditApiTests
{
    private static readonly Actor Bot = new("key:0190a0a0-0000-7000-8000-000000000001");

    /// <summary>Entries written straight through the domain's audit log, as the bulk action writes its own.</summary>
    private static async Task RecordAsync(SharekeepApplication app, int count, string action = "report.created", Actor? actor = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        for (var i = 0; i < count; i++)
        {
            await audit.RecordAsync(actor ?? Bot, action, [$"record-{i}"], new { number = i }, TestContext.Current.CancellationToken);
        }
    }

    private static List<long> Ids(List<JsonElement> entries) => [.. entries.Select(e => e.GetProperty("id").GetInt64())];

    [Fact]
    public async Task Filter_ByActionNameOrPrefix_FindsOnlyThoseActions()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        await RecordAsync(app, 2, "share.created");
        await RecordAsync(app, 1, "share.revoked");
        await RecordAsync(app, 1, "shares.other");

        Assert.Equal(2, (await AuditTrail.ReadAsync(admin, "?action=share.created")).Count);
        Assert.Equal(3, (await AuditTrail.ReadAsync(admin, "?action=share.")).Count);
        Assert.Empty(await AuditTrail.ReadAsync(admin, "?action=share"));
    }

    [Fact]
    public async Task Filter_ByCredential_FindsWhatItDidThroughTheApiAndTheConsole()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var browser = app.Visitor();
        await RecordAsync(app, 1);
        await admin.CreateReportAsync();
        await ConsoleSignIn.SignInAsync(browser);

        var bySecret = await AuditTrail.ReadAsync(admin, "?actor=api-secret");

        Assert.Equal(["console.signedIn", "report.created"], bySecret.Select(e => e.Action()));
        Assert.Single(await AuditTrail.ReadAsync(admin, $"?actor={Uri.EscapeDataString(bySecret[0].Actor())}"));
        Assert.Equal(Bot.ToString(), Assert.Single(await AuditTrail.ReadAsync(admin, $"?actor={Uri.EscapeDataString(Bot.ToString())}")).Actor());
    }

    [Fact]
    public async Task Filter_FromAndTo_BoundTheMoment_FromIncludedToExcluded()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        await RecordAsync(app, 3);
        var all = await AuditTrail.ReadAsync(admin);
        var middle = all[1].GetProperty("at").GetDateTimeOffset().ToString("O");
        var last = all[0].GetProperty("at").GetDateTimeOffset().ToString("O");

        var between = await AuditTrail.ReadAsync(admin, $"?from={Uri.EscapeDataString(middle)}&to={Uri.EscapeDataString(last)}");

        Assert.Equal([all[1].GetProperty("id").GetInt64()], Ids(between));
    }

    [Fact]
    public async Task Paging_WithBeforeId_WalksEveryEntryOnceNewestFirst()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        await RecordAsync(app, 7);
        var all = Ids(await AuditTrail.ReadAsync(admin));

        var walked = new List<long>();
        var page = await AuditTrail.ReadAsync(admin, "?limit=3");
        for (var pages = 0; page.Count > 0 && pages < 10; pages++)
        {
            walked.AddRange(Ids(page));
            page = await AuditTrail.ReadAsync(admin, $"?limit=3&beforeId={walked[^1]}");
        }

        Assert.Equal(7, all.Count);
        Assert.Equal(all, walked);
    }

    [Fact]
    public async Task Paging_WithAfterId_AnswersTheEntriesJustAfterIt_SoAPollerMissesNone()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        await RecordAsync(app, 1);
        var seen = Ids(await AuditTrail.ReadAsync(admin))[0];
        await RecordAsync(app, 5);
        var newer = Ids(await AuditTrail.ReadAsync(admin, $"?afterId={seen}"));

        var firstPoll = Ids(await AuditTrail.ReadAsync(admin, $"?afterId={seen}&limit=2"));

        Assert.Equal(newer[^2..], firstPoll);
        Assert.True(firstPoll.All(id => id > seen));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("beforeId=-1", "beforeId")]
    [InlineData("afterId=x", "afterId")]
    [InlineData("action=share.%25", "action")]
    [InlineData("action=.created", "action")]
    [InlineData("actor=", "actor")]
    [InlineData("from=2026-12-01", "from")]
    [InlineData("to=2026-12-01T10:00:00", "to")]
    [InlineData("to=yesterday", "to")]
    public async Task BadParameter_Answers400NamingIt(string query, string parameter)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.GetAsync("/api/v1/audit?" + query);
        var export = await admin.GetAsync("/api/v1/audit/export?format=jsonl&" + query);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.StartsWith(parameter + " ", answer.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, export.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?format=xml")]
    public async Task Export_WithoutAKnownFormat_Answers400(string query)
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();

        var answer = await admin.GetAsync("/api/v1/audit/export" + query);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.StartsWith("format ", answer.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportJsonLines_AnswersEveryMatchingEntryOldestFirst_PastOneBatch()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        var count = EfAuditStoreBatch + 3;
        await RecordAsync(app, count);
        await RecordAsync(app, 2, "file.deleted");

        using var answer = await admin.Http.GetAsync("/api/v1/audit/export?format=jsonl&action=report.created", TestContext.Current.CancellationToken);
        var text = await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("application/x-ndjson", answer.Content.Headers.ContentType?.MediaType);
        Assert.Equal(count, lines.Count);
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"record-{i}"), lines.Select(l => l.Records()[0]));
        Assert.All(lines, l => Assert.Equal("report.created", l.Action()));
    }

    [Fact]
    public async Task ExportCsv_QuotesCellsThatNeedIt_AndRoundTrips()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        await admin.CreateReportAsync("Sales, \"north\" and south");

        var answer = await admin.GetAsync("/api/v1/audit/export?format=csv");
        var rows = CsvRows(answer.Text);

        Assert.Equal("text/csv", answer.ContentHeaders.ContentType?.MediaType);
        Assert.Equal(["id", "at", "action", "actor", "records", "details", "setting", "oldValue", "newValue", "oldPolicy", "newPolicy"], rows[0]);
        var row = Assert.Single(rows[1..]);
        Assert.Equal("report.created", row[2]);
        Assert.Equal("Sales, \"north\" and south", JsonDocument.Parse(row[5]).RootElement.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://example.com\")", "\"'=HYPERLINK(\"\"http://example.com\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-Kx3", "'-Kx3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    public void CsvCell_DefusesFormulasAndQuotes(string value, string cell) =>
        Assert.Equal(cell, AuditExport.CsvCell(value));

    [Fact]
    public async Task ExportCsv_ACellThatLooksLikeAFormula_StartsWithAnApostrophe()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        await RecordAsync(app, 1, "report.created", new Actor("=cmd|' /C calc'!A0"));

        var rows = CsvRows((await admin.GetAsync("/api/v1/audit/export?format=csv")).Text);

        Assert.Equal("'=cmd|' /C calc'!A0", rows[1][3]);
    }

    [Fact]
    public async Task ReadScope_MayReadAndExport_ButNotWithoutACredential()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var reader = app.WithKey((await ApiKeys.CreateAsync(admin, "read")).Key);
        using var visitor = app.Visitor();

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/audit")).Status);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/audit/export?format=csv")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.GetAsync("/api/v1/audit/export?format=csv")).Status);
    }

    [Fact]
    public async Task EntriesFromBeforeActionsWereNamed_ReadBackWithTheirActionAndOldFields()
    {
        var directory = TempDirectory.Create();
        try
        {
            var at = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
            await using (var database = await OlderDatabase.AtAsync(directory, "LinkPolicy"))
            {
                await database.Db.Database.ExecuteSqlAsync(
                    $"""
                    INSERT INTO "PolicyAudit" ("At", "Setting", "OldValue", "NewValue", "Actor") VALUES ({at.UtcTicks}, 'Sharing', {true}, {false}, NULL)
                    """,
                    TestContext.Current.CancellationToken);
                await database.Db.Database.ExecuteSqlAsync(
                    $"""
                    INSERT INTO "PolicyAudit" ("At", "Setting", "OldValue", "NewValue", "Actor") VALUES ({at.AddMinutes(1).UtcTicks}, 'ExternalSharing', {false}, {true}, 'api-secret')
                    """,
                    TestContext.Current.CancellationToken);
            }
            await using var app = new SharekeepApplication(directory);
            using var admin = app.Admin();

            var entries = await AuditTrail.ReadAsync(admin);
            var sharing = Assert.Single(await AuditTrail.ReadAsync(admin, "?action=sharing.switched"));

            Assert.Equal(["externalSharing.switched", "sharing.switched"], entries.Select(e => e.Action()));
            Assert.Equal("sharing", sharing.GetProperty("setting").GetString());
            Assert.True(sharing.GetProperty("oldValue").GetBoolean());
            Assert.False(sharing.GetProperty("newValue").GetBoolean());
            Assert.Equal(JsonValueKind.Null, sharing.GetProperty("actor").ValueKind);
            Assert.Empty(sharing.Records());
            Assert.Equal(JsonValueKind.Null, sharing.GetProperty("details").ValueKind);
            Assert.Equal(at, sharing.GetProperty("at").GetDateTimeOffset());
        }
        finally
        {
            TempDirectory.Delete(directory);
        }
    }

    private const int EfAuditStoreBatch = Storage.Stores.EfAuditStore.ExportBatch;

    /// <summary>RFC 4180 rows: quoted cells may hold commas, doubled quotes and line breaks.</summary>
    private static List<string[]> CsvRows(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else
            {
                cell.Append(c);
            }
        }
        return rows;
    }
}
