using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sharekeep.Storage;

namespace Sharekeep.Server.Tests.Fuzzing;

/// <summary>
/// Everything the server keeps, as sorted lines: every row of every table and every file of the content folder.
/// Left out is what a read may rightly change: a console session's last-seen time, and the key ring (which the
/// data protection system creates and renews on its own).
/// </summary>
internal sealed class StoredState
{
    private readonly string[] _lines;

    private StoredState(IEnumerable<string> lines) => _lines = lines.Order(StringComparer.Ordinal).ToArray();

    public static async Task<StoredState> ReadAsync(IServiceProvider services, string filesDirectory, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SharekeepDbContext>();
        var lines = new List<string>();
        lines.AddRange(Rows("report", await db.Reports.AsNoTracking().ToListAsync(cancellationToken)));
        lines.AddRange(Rows("dashboard", await db.Dashboards.AsNoTracking().Select(d => new { d.Id, d.Name, d.Created }).ToListAsync(cancellationToken)));
        lines.AddRange(Rows("dashboard-report", await db.DashboardReports.AsNoTracking().ToListAsync(cancellationToken)));
        lines.AddRange(Rows("share", await db.Shares.AsNoTracking().ToListAsync(cancellationToken)));
        lines.AddRange(Rows("policy", await db.PolicySettings.AsNoTracking().ToListAsync(cancellationToken)));
        lines.AddRange(Rows("audit", await db.PolicyAudit.AsNoTracking().ToListAsync(cancellationToken)));
        lines.AddRange(Rows("file", await db.Files.AsNoTracking().ToListAsync(cancellationToken)));
        lines.AddRange(Rows("file-link", await db.FileLinks.AsNoTracking().ToListAsync(cancellationToken)));
        lines.AddRange(Rows("console-session", await db.ConsoleSessions.AsNoTracking()
            .Select(s => new { s.Id, s.CredentialStamp, s.Created, s.Ended, s.Address, s.UserAgent }).ToListAsync(cancellationToken)));
        // A key's last use changes on reads that are answered 4xx too, rightly: it says the key was used.
        lines.AddRange(Rows("api-key", await db.ApiKeys.AsNoTracking()
            .Select(k => new { k.Id, k.Name, k.Scopes, k.KeyDigest, k.Created, k.Expires, k.Revoked }).ToListAsync(cancellationToken)));
        if (Directory.Exists(filesDirectory))
        {
            lines.AddRange(Directory.EnumerateFiles(filesDirectory, "*", SearchOption.AllDirectories)
                .Select(f => $"content {Path.GetRelativePath(filesDirectory, f)} {new FileInfo(f).Length}"));
        }
        return new StoredState(lines);
    }

    public bool SameAs(StoredState other) => _lines.AsSpan().SequenceEqual(other._lines);

    /// <summary>The lines gone since <paramref name="earlier"/> (-) and the lines new (+).</summary>
    public string ChangesSince(StoredState earlier) => string.Join('\n',
        earlier._lines.Except(_lines).Select(l => "- " + l).Concat(_lines.Except(earlier._lines).Select(l => "+ " + l)));

    private static IEnumerable<string> Rows<T>(string table, IEnumerable<T> rows) =>
        rows.Select(row => table + " " + JsonSerializer.Serialize(row));
}
