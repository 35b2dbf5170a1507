using System.Diagnostics;
using System.Net.Sockets;

namespace Sharekeep.Server.Tests.Infrastructure;

/// <summary>Waiting for a helper server (nginx, Prometheus) the test started to accept connections.</summary>
public static class ListeningProcess
{
    /// <summary>Returns once <paramref name="port"/> on loopback accepts; throws with <paramref name="output"/> if the process exits first.</summary>
    public static async Task WaitAsync(Process process, string name, int port, Func<Task<string>> output)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with {process.ExitCode}: {await output()}");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Kills the process by its PID if it is still running.</summary>
    public static async Task StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
