using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace Sharekeep.Server.Errors;

/// <summary>
/// A failure that says the database cannot be used right now, not that the request or the code is wrong: the
/// execution strategy gave up retrying (<see cref="RetryLimitExceededException"/>), the driver calls the failure
/// transient (PostgreSQL restarting, a connection refused or cut, a failover), or SQLite stayed busy past its
/// timeout. It is answered 503 with Retry-After, never 500.
/// </summary>
internal static class DatabaseUnavailable
{
    /// <summary>When a client should try again: a restart that outlasted the retries is not over in an instant.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool Is(Exception exception) => Cause(exception) is not null;

    /// <summary>The driver's own words for what failed (no request data is in them), or null when the database is not the cause.</summary>
    public static string? Cause(Exception exception)
    {
        var retriesExhausted = false;
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case RetryLimitExceededException:
                    retriesExhausted = true;
                    break;
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }:
                case DbException { IsTransient: true }:
                    return e.Message;
            }
        }
        return retriesExhausted ? exception.Message : null;
    }
}
