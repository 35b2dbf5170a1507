using System.Diagnostics;

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
        try
        {
            await ListeningProcess.WaitAsync(process, "nginx", port, () => process.StandardError.ReadToEndAsync());
        }
        catch
        {
            await nginx.DisposeAsync();
            throw;
        }
        return nginx;
    }

    public async ValueTask DisposeAsync()
    {
        await ListeningProcess.StopAsync(_process);
        TempDirectory.Delete(_directory);
    }
}
