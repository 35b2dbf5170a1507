using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Sharekeep.Server.Errors;

namespace Sharekeep.Server.Tests;

/// <summary>Which failures mean "the database is away, come back" (503) rather than a bug (500).</summary>
public sealed class DatabaseUnavailableTests
{
    [Fact]
    public void RetriesExhausted_IsUnavailable() =>
        Assert.True(DatabaseUnavailable.Is(new RetryLimitExceededException("gave up", new TimeoutException())));

    [Fact]
    public void AConnectionRefused_IsUnavailable_EvenWrappedByTheNonRetryingStrategy() =>
        Assert.True(DatabaseUnavailable.Is(new InvalidOperationException(
            "likely due to a transient failure", new NpgsqlException("Failed to connect", new System.Net.Sockets.SocketException(111)))));

    [Fact]
    public void PostgresShuttingDown_IsUnavailable() =>
        Assert.True(DatabaseUnavailable.Is(new PostgresException("the database system is shutting down", "FATAL", "FATAL", PostgresErrorCodes.CannotConnectNow)));

    [Fact]
    public void SqliteBusyPastItsTimeout_IsUnavailable() =>
        Assert.True(DatabaseUnavailable.Is(new DbUpdateException("save failed", new SqliteException("database is locked", 5))));

    [Fact]
    public void AUniqueViolation_IsABug_NotAnOutage() =>
        Assert.False(DatabaseUnavailable.Is(new DbUpdateException(
            "save failed", new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation))));

    [Fact]
    public void AnOrdinaryException_IsNotAnOutage() =>
        Assert.False(DatabaseUnavailable.Is(new InvalidOperationException("a bug")));
}
