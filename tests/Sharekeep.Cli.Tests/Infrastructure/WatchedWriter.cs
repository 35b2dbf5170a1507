namespace Sharekeep.Cli.Tests.Infrastructure;

/// <summary>
/// Standard output for a command that runs until stopped (audit tail --follow): a test waits for lines to appear
/// in it instead of sleeping. Checked each time the command flushes, which it does after every look at the server.
/// </summary>
internal sealed class WatchedWriter : StringWriter
{
    private readonly List<(int Lines, TaskCompletionSource Seen)> _waiting = [];

    /// <summary>Completes once the output has <paramref name="lines"/> lines; fails the test after <paramref name="limit"/>.</summary>
    public Task HasLinesAsync(int lines, TimeSpan limit)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiting)
        {
            _waiting.Add((lines, seen));
        }
        // Not checked here: only the command's own thread reads the text, after it writes (the next look flushes).
        return seen.Task.WaitAsync(limit, TestContext.Current.CancellationToken);
    }

    public override void Flush()
    {
        base.Flush();
        Check();
    }

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Check();
        return Task.CompletedTask;
    }

    private void Check()
    {
        var lines = ToString().Count(c => c == '\n');
        lock (_waiting)
        {
            foreach (var waiting in _waiting.Where(w => lines >= w.Lines).ToList())
            {
                waiting.Seen.TrySetResult();
                _waiting.Remove(waiting);
            }
        }
    }
}
