using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Sharekeep.Storage;

public static class DatabaseLogging
{
    /// <summary>
    /// A failed command is logged once, where its failure is answered: the server's exception handler (one line for
    /// an unreachable database, the stack for a bug) or the background task that ran it. EF Core's own error events
    /// would add an entry with a stack trace per command, per retry, and for the races a store expects and handles
    /// (a unique index saying another writer came first); they are kept at Debug.
    /// </summary>
    public static DbContextOptionsBuilder LogFailuresWhereAnswered(this DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(warnings => warnings.Log(
            (RelationalEventId.CommandError, LogLevel.Debug),
            (RelationalEventId.ConnectionError, LogLevel.Debug),
            (CoreEventId.QueryIterationFailed, LogLevel.Debug),
            (CoreEventId.SaveChangesFailed, LogLevel.Debug)));
}
