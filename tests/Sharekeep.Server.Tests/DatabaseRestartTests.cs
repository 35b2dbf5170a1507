using System.Net;
using Npgsql;
using Sharekeep.Server.Tests.Infrastructure;

namespace Sharekeep.Server.Tests;

/// <summary>
/// PostgreSQL ends every session (pg_terminate_backend, a restart, a failover): the pooled connections the
/// application holds are dead, and the requests that come next must not pay for it.
/// </summary>
[Trait("Database", "postgres")]
public sealed class DatabaseRestartTests
{
    [PostgresFact]
    public async Task AfterEveryConnectionIsTerminated_TheNextLookupsSucceed()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var warm = await admin.ShareReportAsync(await admin.CreateReportAsync());
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/api/external/share/report/{warm}/evaluate")).Status);
        var cold = await admin.ShareReportAsync(await admin.CreateReportAsync());

        Assert.True(await TerminateConnectionsAsync(app) > 0);

        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/api/external/share/report/{cold}/evaluate")).Status);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/reports")).Status);
    }

    [PostgresFact]
    public async Task AfterEveryConnectionIsTerminated_TheNextWritesSucceed()
    {
        await using var app = new SharekeepApplication();
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var share = await admin.ShareReportAsync(await admin.CreateReportAsync());

        Assert.True(await TerminateConnectionsAsync(app) > 0);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/share/report/{share}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/external/share/report/{share}/evaluate")).Status);
        await admin.ShareReportAsync(await admin.CreateReportAsync());
        await admin.DisableSharingAsync();
    }

    [PostgresFact]
    public async Task AfterTheDatabaseIsBack_TheFirstRequestsSucceed_AndARevokedShareStaysRevoked()
    {
        await using var database = await PrivatePostgres.StartAsync();
        await using var app = new SharekeepApplication(settings: database.Settings);
        using var admin = app.Admin();
        using var visitor = app.Visitor();
        var active = await admin.ShareReportAsync(await admin.CreateReportAsync());
        var revoked = await admin.ShareReportAsync(await admin.CreateReportAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/share/report/{revoked}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/external/share/report/{revoked}/evaluate")).Status);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/api/external/share/report/{active}/evaluate")).Status);

        await database.StopAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await visitor.GetAsync($"/api/external/share/report/{revoked}/evaluate")).Status);
        await database.StartAgainAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/external/share/report/{revoked}/evaluate")).Status);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/api/external/share/report/{active}/evaluate")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/share/report/{active}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/api/external/share/report/{active}/evaluate")).Status);
        await admin.ShareReportAsync(await admin.CreateReportAsync());
    }

    /// <summary>Ends every session of the application's database, the change listener's included.</summary>
    private static async Task<int> TerminateConnectionsAsync(SharekeepApplication app)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.AdminConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @db AND pid <> pg_backend_pid()", connection);
        command.Parameters.AddWithValue("db", TestDatabase.NameFor(app.DataDirectory));
        return Convert.ToInt32(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
