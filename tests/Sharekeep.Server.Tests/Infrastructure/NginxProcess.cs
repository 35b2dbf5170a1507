using System.Diagnostics;
using System.Net.Sockets;

namespace Sharekeep.Server.Tests.Infrastructure;

/// <summary>
/// Debian's nginx as one foreground process (no master, no daemon) over a configuration of the test's own, on
/// loopback, its files in a temporary folder; killed by its PID when disposed.
/// </summary>
public sealed class NginxProcess : IAsyncDisposable
{
    public const string Path = "/usr/sbin/nginx";

    private readonly Process _process;
    private readonly string _directory;

    private NginxProcess(Process process, string directory)
    {
        _process = process;
        _directory = directory;
    }

    /// <summary>Starts nginx with <paramref name="http"/> as its http block's body; waits until <paramref name="port"/> answers.</summary>
    public static async Task<NginxProcess> StartAsync(string http, int port)
    {
        var directory = TempDirectory.Create();
        var config = System.IO.Path.Combine(directory, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            daemon off;
            master_process off;
            worker_processes 1;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 256; }
            http {
              access_log off;
              client_body_temp_path {{directory}}/body;
              proxy_temp_path {{directory}}/proxy;
              fastcgi_temp_path {{directory}}/fastcgi;
              uwsgi_temp_path {{directory}}/uwsgi;
              scgi_temp_path {{directory}}/scgi;
              sendfile on;
            {{http}}
            }
            """);
        var start = new ProcessStartInfo(Path) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in new[] { "-p", directory, "-c", config, "-e", System.IO.Path.Combine(directory, "error.log") })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
        var nginx = new NginxProcess(process, directory);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            if (process.HasExited)
            {
                var error = await process.StandardError.ReadToEndAsync();
                await nginx.DisposeAsync();
                throw new InvalidOperationException($"nginx exited with {process.ExitCode}: {error}");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return nginx;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }


    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        TempDirectory.Delete(_directory);
    }
}
