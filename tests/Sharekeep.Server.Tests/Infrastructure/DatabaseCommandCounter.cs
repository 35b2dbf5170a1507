using System.Data.Common;
using System.Diagnostics;

namespace Sharekeep.Server.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands EF Core sends to one database (recognised by a marker in its connection string), in
/// this process, while it is alive. Other tests' databases running in parallel are not counted.
/// </summary>
public sealed class DatabaseCommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private const string CommandExecuting = "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuting";

    private readonly string _marker;
    private readonly IDisposable _allListeners;
    private readonly List<IDisposable> _subscriptions = [];
    private int _count;

    public DatabaseCommandCounter(string marker)
    {
        _marker = marker;
        _allListeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public int Count => Volatile.Read(ref _count);

    /// <summary>What tells this app's connections apart: its SQLite file's folder, or its PostgreSQL database.</summary>
    public static string MarkerFor(SharekeepApplication app) =>
        TestDatabase.IsPostgres ? TestDatabase.NameFor(app.DataDirectory) : app.DataDirectory;

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.EntityFrameworkCore")
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == CommandExecuting
            && value.Value is Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData { Command: DbCommand command }
            && command.Connection?.ConnectionString.Contains(_marker, StringComparison.Ordinal) == true)
        {
            Interlocked.Increment(ref _count);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _allListeners.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
