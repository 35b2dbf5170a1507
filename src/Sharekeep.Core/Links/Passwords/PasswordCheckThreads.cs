using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Sharekeep.Core.Links.Passwords;

/// <summary>
/// Threads of their own for the hash comparisons. A check holds its thread for the whole key derivation (about
/// 0.18 s of CPU); on the thread pool, with a pool as small as the cores it runs on, that leaves every other
/// request waiting until the pool notices and grows, half a second later. These threads also run at a lower
/// scheduling priority where the platform allows it (Linux: nice 10), so that under load a check takes longer
/// rather than the requests around it. The guard's limiter lets no more checks in at once than there are threads.
/// </summary>
internal sealed partial class PasswordCheckThreads : IDisposable
{
    /// <summary>The nice value the threads run at on Linux: a weight of about a tenth of a normal thread's.</summary>
    internal const int LinuxNice = 10;

    private readonly BlockingCollection<Check> _checks = [];
    private readonly int _count;
    private int _started;

    public PasswordCheckThreads(int count) => _count = count;

    /// <summary>The threads start with the first check: a server (or a test) that checks no password has none.</summary>
    public Task<bool> RunAsync(Func<bool> verify)
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            for (var i = 0; i < _count; i++)
            {
                new Thread(Run) { IsBackground = true, Name = "Sharekeep password check" }.Start();
            }
        }
        var check = new Check(verify);
        // Once shutting down no check starts; the try is given up as if the visitor had gone.
        return _checks.TryAdd(check) ? check.Answer.Task : Task.FromCanceled<bool>(new CancellationToken(canceled: true));
    }

    public void Dispose() => _checks.CompleteAdding();

    private void Run()
    {
        try
        {
            LowerPriority();
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // No setpriority here: the checks run at normal priority, which is still correct.
        }
        foreach (var check in _checks.GetConsumingEnumerable())
        {
            try
            {
                check.Answer.SetResult(check.Verify());
            }
            catch (Exception e)
            {
                check.Answer.SetException(e);
            }
        }
    }

    private static void LowerPriority()
    {
        if (OperatingSystem.IsLinux())
        {
            // On Linux the nice value is per thread, and "the calling process" (who = 0) is the calling thread
            // alone (setpriority(2), BUGS); raising one's own nice value needs no privilege. A refusal leaves the
            // thread at normal priority, which is still correct.
            _ = SetPriority(PriorityOfProcess, CallingThread, LinuxNice);
        }
    }

    private const int PriorityOfProcess = 0;
    private const int CallingThread = 0;

    [LibraryImport("libc", EntryPoint = "setpriority")]
    private static partial int SetPriority(int which, int who, int priority);

    private sealed class Check(Func<bool> verify)
    {
        public Func<bool> Verify { get; } = verify;

        // The request goes on on the pool, never on this low-priority thread.
        public TaskCompletionSource<bool> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
