using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sharekeep.Server.Tests.Infrastructure;
using Sharekeep.Storage;

namespace Sharekeep.Server.Tests;

/// <summary>
/// A write meets a transient failure and is tried again. When the connection dies just after COMMIT reached the
/// server, the write is applied but the answer is lost: it must be neither applied twice nor reported as not done.
/// </summary>
[Trait("Database", "postgres")]
public sealed class WriteRetryTests
{
    [PostgresFact]
    public async Task CreateReport_WhenItsFirstAttemptFails_IsStoredOnceByTheRetry()
    {
        var failing = new FirstInsertFails();
        await using var app = new SharekeepApplication(services: services =>
            services.ConfigureDbContext<SharekeepDbContext>(options => options.AddInterceptors(failing)));
        using var admin = app.Admin();

        var id = await admin.CreateReportAsync("Written once");

        Assert.True(failing.Fired);
        Assert.Equal([id], await ReportIdsAsync(admin));
    }

    [PostgresFact]
    public async Task CreateReport_WhenTheAnswerToItsCommitIsLost_IsStoredOnceAndAnswered201()
    {
        var lost = new LostCommitAnswer();
        await using var app = new SharekeepApplication(services: lost.AddTo);
        using var admin = app.Admin();

        lost.Arm();
        var id = await admin.CreateReportAsync("Written once");

        Assert.True(lost.Fired);
        Assert.Equal([id], await ReportIdsAsync(admin));
    }

    [PostgresFact]
    public async Task RevokeShare_WhenTheAnswerToItsCommitIsLost_Answers204()
    {
        var lost = new LostCommitAnswer();
        await using var app = new SharekeepApplication(services: lost.AddTo);
        using var admin = app.Admin();
        var share = await admin.ShareReportAsync(await admin.CreateReportAsync());

        lost.Arm();
        var answer = await admin.DeleteAsync($"/api/share/report/{share}");

        Assert.True(lost.Fired);
        Assert.Equal(HttpStatusCode.NoContent, answer.Status);
    }

    [PostgresFact]
    public async Task DeleteReport_WhenTheAnswerToItsCommitIsLost_Answers204()
    {
        var lost = new LostCommitAnswer();
        await using var app = new SharekeepApplication(services: lost.AddTo);
        using var admin = app.Admin();
        var report = await admin.CreateReportAsync();

        lost.Arm();
        var answer = await admin.DeleteAsync($"/api/v1/reports/{report}");

        Assert.True(lost.Fired);
        Assert.Equal(HttpStatusCode.NoContent, answer.Status);
    }

    private static async Task<Guid[]> ReportIdsAsync(SharekeepClient admin) =>
        [.. (await admin.GetAsync("/api/v1/reports")).Body.EnumerateArray().Select(r => r.GetProperty("id").GetGuid())];

    /// <summary>The first insert of a report fails before reaching the server, as on a connection the server had ended.</summary>
    private sealed class FirstInsertFails : DbCommandInterceptor
    {
        private int _fired;

        public bool Fired => Volatile.Read(ref _fired) == 1;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            FailOnce(command, result);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            FailOnce(command, result);

        private ValueTask<T> FailOnce<T>(DbCommand command, T result) =>
            command.CommandText.Contains("INSERT INTO \"Reports\"", StringComparison.Ordinal) && Interlocked.Exchange(ref _fired, 1) == 0
                ? throw new NpgsqlException("Exception while writing to stream", new IOException("The connection was closed by the server."))
                : ValueTask.FromResult(result);
    }

    /// <summary>Once armed, the next commit succeeds on the server and then fails as a lost connection would.</summary>
    private sealed class LostCommitAnswer : DbTransactionInterceptor
    {
        private int _armed;
        private int _fired;

        public bool Fired => Volatile.Read(ref _fired) == 1;

        public void AddTo(IServiceCollection services) =>
            services.ConfigureDbContext<SharekeepDbContext>(options => options.AddInterceptors(this));

        public void Arm() => Volatile.Write(ref _armed, 1);

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref _armed, 0) == 1)
            {
                Volatile.Write(ref _fired, 1);
                throw new NpgsqlException("Exception while reading from stream", new IOException("The connection was reset after COMMIT."));
            }
            return Task.CompletedTask;
        }
    }
}
