using System.Buffers.Text;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

// bench/run.sh's helper. Usage:
//   seed       sqlite|postgres <database file | connection string> <count> <file id>
//   seed-pages sqlite|postgres <database file | connection string> <reports> <dashboards>
//   seed-shapes sqlite|postgres <database file | connection string> <keys out>
//   sample     sqlite|postgres <database file | connection string> <count> <report keys out> <link keys out>
//              <page report keys out> <dashboard keys out>
//   propagation <instance A> <instance B> <secret> <share id> <toggles>
return args switch
{
    ["seed", var provider, var target, var count, var fileId] =>
        await Seed(provider, target, int.Parse(count, CultureInfo.InvariantCulture), Guid.Parse(fileId)),
    ["seed-pages", var provider, var target, var reports, var dashboards] =>
        await SeedPages(provider, target, int.Parse(reports, CultureInfo.InvariantCulture), int.Parse(dashboards, CultureInfo.InvariantCulture)),
    ["seed-shapes", var provider, var target, var keys] => await SeedShapes(provider, target, keys),
    ["sample", var provider, var target, var count, var reportKeys, var linkKeys, var pageKeys, var dashboardKeys] =>
        await Sample(provider, target, int.Parse(count, CultureInfo.InvariantCulture), reportKeys, linkKeys, pageKeys, dashboardKeys),
    ["propagation", var a, var b, var secret, var shareId, var toggles] =>
        await Propagation(new Uri(a), new Uri(b), secret, shareId, int.Parse(toggles, CultureInfo.InvariantCulture)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: seed|seed-pages|seed-shapes|sample|propagation ... (see bench/run.sh)");
    return 2;
}

// Adds reports with one active share each, and as many links to one file, straight into the database: the
// API would take hours for a million. Change notices are not sent (no instance has these keys cached).
static async Task<int> Seed(string provider, string target, int count, Guid fileId)
{
    var watch = Stopwatch.StartNew();
    var created = DateTimeOffset.UtcNow.UtcTicks;
    const string Data = """{"columns":["region","sales"],"rows":[["north",120],["south",98],["east",143],["west",77]]}""";
    if (provider == "sqlite")
    {
        await using var connection = new SqliteConnection($"Data Source={target};Pooling=False");
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var report = Command(connection, transaction, "INSERT INTO Reports (Id, Name, DataJson, Created) VALUES ($id, $name, $data, $created)", "$id", "$name", "$data", "$created");
        var share = Command(connection, transaction, "INSERT INTO Shares (Id, Kind, ResourceId, Created, Revoked) VALUES ($id, 1, $resource, $created, NULL)", "$id", "$resource", "$created");
        var link = Command(connection, transaction, """
            INSERT INTO FileLinks (Id, FileId, Key, Title, Expires, DenyDownload, IsPrimary, PasswordHash, PasswordStamp, Created, Revoked)
            VALUES ($id, $file, $key, 'bench', NULL, 0, 0, NULL, NULL, $created, NULL)
            """, "$id", "$file", "$key", "$created");
        for (var i = 0; i < count; i++)
        {
            var reportId = Guid.NewGuid().ToString().ToUpperInvariant();
            await Run(report, reportId, $"Report {i}", Data, created);
            await Run(share, NewKey(), reportId, created);
            await Run(link, Guid.NewGuid().ToString().ToUpperInvariant(), fileId.ToString().ToUpperInvariant(), NewKey(), created);
        }
        await transaction.CommitAsync();
    }
    else
    {
        await using var connection = new NpgsqlConnection(target);
        await connection.OpenAsync();
        await using (var replica = new NpgsqlCommand("SET session_replication_role = replica", connection))
        {
            await replica.ExecuteNonQueryAsync();
        }
        var reports = new List<Guid>(count);
        await using (var copy = await connection.BeginBinaryImportAsync("""COPY "Reports" ("Id", "Name", "DataJson", "Created") FROM STDIN (FORMAT BINARY)"""))
        {
            for (var i = 0; i < count; i++)
            {
                var id = Guid.NewGuid();
                reports.Add(id);
                await copy.StartRowAsync();
                await copy.WriteAsync(id, NpgsqlDbType.Uuid);
                await copy.WriteAsync($"Report {i}", NpgsqlDbType.Varchar);
                await copy.WriteAsync(Data, NpgsqlDbType.Text);
                await copy.WriteAsync(created, NpgsqlDbType.Bigint);
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync("""COPY "Shares" ("Id", "Kind", "ResourceId", "Created") FROM STDIN (FORMAT BINARY)"""))
        {
            foreach (var reportId in reports)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(NewKey(), NpgsqlDbType.Varchar);
                await copy.WriteAsync(1, NpgsqlDbType.Integer);
                await copy.WriteAsync(reportId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(created, NpgsqlDbType.Bigint);
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY "FileLinks" ("Id", "FileId", "Key", "Title", "DenyDownload", "IsPrimary", "Created") FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var i = 0; i < count; i++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                await copy.WriteAsync(fileId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(NewKey(), NpgsqlDbType.Varchar);
                await copy.WriteAsync("bench", NpgsqlDbType.Varchar);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                await copy.WriteAsync(created, NpgsqlDbType.Bigint);
            }
            await copy.CompleteAsync();
        }
        // Done now, not by autovacuum in the middle of a measured run.
        await using var vacuum = new NpgsqlCommand("""VACUUM ANALYZE "Reports", "Shares", "FileLinks" """, connection) { CommandTimeout = 600 };
        await vacuum.ExecuteNonQueryAsync();
    }
    Console.Error.WriteLine($"seeded {count} reports, shares and file links into {provider} in {watch.Elapsed.TotalSeconds:F1} s");
    return 0;
}

// Keys for wrk to rotate through, drawn uniformly from every share and link in the database: evaluate and resolve
// from the small bulk reports and the links without a password, the page scenarios from the 50-row reports and
// the dashboards seed-pages made.
static async Task<int> Sample(
    string provider, string target, int count, string reportKeysPath, string linkKeysPath, string pageKeysPath, string dashboardKeysPath)
{
    // random() exists in both SQLite and PostgreSQL.
    string Reports(string prefix) => $"""
        SELECT s."Id" FROM "Shares" s JOIN "Reports" r ON r."Id" = s."ResourceId"
        WHERE s."Revoked" IS NULL AND s."Kind" = 1 AND r."Name" LIKE '{prefix} %' ORDER BY random() LIMIT {count}
        """;
    await File.WriteAllLinesAsync(reportKeysPath, await Query(provider, target, Reports("Report")));
    await File.WriteAllLinesAsync(linkKeysPath, await Query(provider, target,
        $"""SELECT "Key" FROM "FileLinks" WHERE "Revoked" IS NULL AND "PasswordHash" IS NULL ORDER BY random() LIMIT {count}"""));
    await File.WriteAllLinesAsync(pageKeysPath, await Query(provider, target, Reports(PageReportPrefix)));
    await File.WriteAllLinesAsync(dashboardKeysPath, await Query(provider, target,
        $"""SELECT "Id" FROM "Shares" WHERE "Revoked" IS NULL AND "Kind" = 2 ORDER BY random() LIMIT {count}"""));
    return 0;
}

// Reports as a person shares them, for the page scenarios: 50 rows of six columns (about 3 KB of JSON each), one
// active share each; and dashboards of four of them, one share each. Few enough for plain prepared inserts.
static async Task<int> SeedPages(string provider, string target, int reports, int dashboards)
{
    var watch = Stopwatch.StartNew();
    var created = DateTimeOffset.UtcNow.UtcTicks;
    object Id(Guid id) => DatabaseId(provider, id);
    await using var connection = await OpenAsync(provider, target);
    await using var transaction = await connection.BeginTransactionAsync();
    var (report, share) = ReportCommands(connection, transaction);
    var dashboard = Prepare(connection, transaction, """INSERT INTO "Dashboards" ("Id", "Name", "Created") VALUES (@id, @name, @created)""");
    var member = Prepare(connection, transaction, """INSERT INTO "DashboardReports" ("DashboardId", "ReportId", "Position") VALUES (@dashboard, @report, @position)""");
    var reportIds = new List<Guid>(reports);
    var random = new Random(reports);
    for (var i = 0; i < reports; i++)
    {
        var id = Guid.NewGuid();
        reportIds.Add(id);
        await Execute(report, ("id", Id(id)), ("name", $"{PageReportPrefix} {i}"), ("data", PageReportData(random)), ("created", created));
        await Execute(share, ("id", NewKey()), ("kind", 1), ("resource", Id(id)), ("created", created));
    }
    for (var d = 0; d < dashboards && reportIds.Count >= DashboardReports; d++)
    {
        var id = Guid.NewGuid();
        await Execute(dashboard, ("id", Id(id)), ("name", $"Dashboard {d}"), ("created", created));
        for (var position = 0; position < DashboardReports; position++)
        {
            var reportId = reportIds[(d * DashboardReports + position) % reportIds.Count];
            await Execute(member, ("dashboard", Id(id)), ("report", Id(reportId)), ("position", position));
        }
        await Execute(share, ("id", NewKey()), ("kind", 2), ("resource", Id(id)), ("created", created));
    }
    await transaction.CommitAsync();
    Console.Error.WriteLine($"seeded {reports} 50-row reports and {dashboards} dashboards, each shared, into {provider} in {watch.Elapsed.TotalSeconds:F1} s");
    return 0;
}

// The shapes of data issue 13 found to make huge pages, each as one shared report, and a 50-row report beside them:
// for the cold-page check, one request each to a page nobody has opened. Written out as "key<TAB>label" lines.
static async Task<int> SeedShapes(string provider, string target, string keysPath)
{
    (string Label, string Data)[] shapes =
    [
        ("50 rows", PageReportData(new Random(50))),
        // 61 KB: every row as wide as the header.
        ("20 000 empty columns x 500 rows", $"{{\"columns\":[{string.Join(',', Enumerable.Repeat("\"\"", 20_000))}],\"rows\":[{string.Join(',', Enumerable.Repeat("[]", 500))}]}}"),
        // 141 KB: columns from the records' keys.
        ("200 records x 50 keys", System.Text.Json.JsonSerializer.Serialize(Enumerable.Range(0, 200).Select(r =>
            Enumerable.Range(0, 50).ToDictionary(k => $"col_{k:D2}", k => (r * 50) + k)))),
    ];
    var created = DateTimeOffset.UtcNow.UtcTicks;
    await using var connection = await OpenAsync(provider, target);
    await using var transaction = await connection.BeginTransactionAsync();
    var (report, share) = ReportCommands(connection, transaction);
    var lines = new List<string>();
    foreach (var (label, data) in shapes)
    {
        var id = DatabaseId(provider, Guid.NewGuid());
        var key = NewKey();
        await Execute(report, ("id", id), ("name", $"Shape {label}"), ("data", data), ("created", created));
        await Execute(share, ("id", key), ("kind", 1), ("resource", id), ("created", created));
        lines.Add($"{key}\t{label} ({data.Length / 1024} KB of data)");
    }
    await transaction.CommitAsync();
    await File.WriteAllLinesAsync(keysPath, lines);
    return 0;
}

// EF Core keeps a GUID as upper-case text in SQLite and as uuid in PostgreSQL.
static object DatabaseId(string provider, Guid id) => provider == "sqlite" ? id.ToString().ToUpperInvariant() : id;

static async Task<DbConnection> OpenAsync(string provider, string target)
{
    DbConnection connection = provider == "sqlite" ? new SqliteConnection($"Data Source={target};Pooling=False") : new NpgsqlConnection(target);
    await connection.OpenAsync();
    return connection;
}

static (DbCommand Report, DbCommand Share) ReportCommands(DbConnection connection, DbTransaction transaction) => (
    Prepare(connection, transaction, """INSERT INTO "Reports" ("Id", "Name", "DataJson", "Created") VALUES (@id, @name, @data, @created)"""),
    Prepare(connection, transaction, """INSERT INTO "Shares" ("Id", "Kind", "ResourceId", "Created") VALUES (@id, @kind, @resource, @created)"""));

// Sales by region and month, the kind of summary a report is: the first column labels the rows, numbers follow.
static string PageReportData(Random random)
{
    var regions = PageReportRegions;
    var rows = Enumerable.Range(0, PageReportRows).Select(r =>
    {
        var orders = random.Next(20, 2000);
        var revenue = Math.Round(orders * (40 + (random.NextDouble() * 60)), 2);
        return new object[] { regions[r % regions.Length], $"2026-{(r / regions.Length) + 1:D2}", orders, revenue, random.Next(0, orders / 10), Math.Round(random.NextDouble() * 40, 1) };
    });
    return System.Text.Json.JsonSerializer.Serialize(new { columns = PageReportColumns, rows });
}

static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string sql)
{
    var command = connection.CreateCommand();
    command.Transaction = transaction;
    command.CommandText = sql;
    return command;
}

static Task Execute(DbCommand command, params (string Name, object Value)[] values)
{
    command.Parameters.Clear();
    foreach (var (name, value) in values)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
    return command.ExecuteNonQueryAsync();
}

static async Task<List<string>> Query(string provider, string target, string sql)
{
    var values = new List<string>();
    if (provider == "sqlite")
    {
        await using var connection = new SqliteConnection($"Data Source={target};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }
    }
    else
    {
        await using var connection = new NpgsqlConnection(target);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }
    }
    return values;
}

// Switches sharing on instance A, then asks instance B until it obeys: the time from A's acknowledgement to
// B's first obeying answer, over a bounded number of toggles.
static async Task<int> Propagation(Uri a, Uri b, string secret, string shareId, int toggles)
{
    using var admin = new HttpClient { BaseAddress = a };
    admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
    using var visitor = new HttpClient { BaseAddress = b };
    var evaluate = new Uri($"/api/external/share/report/{shareId}/evaluate", UriKind.Relative);
    var samples = new List<double>(toggles);
    var limit = TimeSpan.FromSeconds(10);
    for (var i = 0; i < toggles; i++)
    {
        var enable = i % 2 == 1;
        var expected = enable ? HttpStatusCode.OK : HttpStatusCode.Unauthorized;
        using (var switched = await admin.PostAsync(new Uri(enable ? "/api/public/share/enable" : "/api/public/share/disable", UriKind.Relative), null))
        {
            switched.EnsureSuccessStatusCode();
        }
        var watch = Stopwatch.StartNew();
        while (true)
        {
            using var answer = await visitor.GetAsync(evaluate);
            if (answer.StatusCode == expected)
            {
                break;
            }
            if (watch.Elapsed > limit)
            {
                Console.Error.WriteLine($"instance B did not obey toggle {i} within {limit.TotalSeconds} s");
                return 1;
            }
        }
        samples.Add(watch.Elapsed.TotalMilliseconds);
    }
    samples.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"p50_ms={Percentile(samples, 0.50):F2} p99_ms={Percentile(samples, 0.99):F2} max_ms={samples[^1]:F2} toggles={toggles}"));
    return 0;
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static string NewKey() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));

static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
{
    var command = new SqliteCommand(sql, connection, transaction);
    foreach (var name in parameters)
    {
        command.Parameters.Add(new SqliteParameter { ParameterName = name });
    }
    command.Prepare();
    return command;
}

static Task Run(SqliteCommand command, params object[] values)
{
    for (var i = 0; i < values.Length; i++)
    {
        command.Parameters[i].Value = values[i];
    }
    return command.ExecuteNonQueryAsync();
}

internal partial class Program
{
    private const string PageReportPrefix = "Page report";
    private const int PageReportRows = 50;
    private const int DashboardReports = 4;
    private static readonly string[] PageReportRegions = ["north", "south", "east", "west", "central", "coast", "islands", "mountains", "capital", "abroad"];
    private static readonly string[] PageReportColumns = ["region", "month", "orders", "revenue", "returns", "margin %"];
}
