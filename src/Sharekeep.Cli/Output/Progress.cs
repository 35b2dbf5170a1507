using System.Diagnostics;

namespace Sharekeep.Cli.Output;

/// <summary>
/// A line on standard error that says the command is still at work ("| revoking... 12 s") while it waits for one long
/// answer: the bulk endpoint answers once, when it is done, so elapsed time is all there is to show. Only on a
/// terminal: in a script or a log, it would be noise.
/// </summary>
internal sealed class Progress : IAsyncDisposable
{
    private static readonly char[] Spinner = ['|', '/', '-', '\\'];
    private readonly TextWriter _error;
    private readonly Func<string> _status;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _drawing;

    private Progress(TextWriter error, Func<string> status)
    {
        _error = error;
        _status = status;
        _drawing = DrawAsync();
    }

    public static Progress? Start(CliEnvironment environment, Func<string> status) =>
        environment.ErrorIsTerminal ? new Progress(environment.Error, status) : null;

    private async Task DrawAsync()
    {
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        var frame = 0;
        try
        {
            do
            {
                _error.Write($"\r{Spinner[frame++ % Spinner.Length]} {_status()} {clock.Elapsed.TotalSeconds:0} s\u001b[K");
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
            // Stopped: the answer came.
        }
        _error.Write("\r\u001b[K");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _drawing;
        _stop.Dispose();
    }
}
