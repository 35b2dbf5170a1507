using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Sharekeep.Cli.Tests.Infrastructure;

/// <summary>A finished run of sharekeep: its exit code and what it wrote.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>Standard output as the one JSON document --json promises (fails the test if it is not).</summary>
    public JsonElement Json => JsonDocument.Parse(Output).RootElement.Clone();

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}

/// <summary>Runs the command line in process through its entry point, or as the built tool's own process.</summary>
internal static class Tool
{
    public static async Task<CliResult> RunAsync(
        IReadOnlyDictionary<string, string?> variables,
        string[] args,
        string input = "",
        bool errorIsTerminal = false,
        TextWriter? output = null,
        CancellationToken? stop = null)
    {
        var stdout = output ?? new StringWriter();
        var stderr = new StringWriter();
        // Nothing of the test process's own environment leaks in: only the variables given.
        var environment = new CliEnvironment(
            stdout, stderr, new StringReader(input), name => variables.TryGetValue(name, out var value) ? value : null, errorIsTerminal, HandlesTermination: false);
        var code = await SharekeepCommandLine.RunAsync(args, environment, stop ?? TestContext.Current.CancellationToken);
        return new CliResult(code, stdout.ToString() ?? "", stderr.ToString());
    }

    /// <summary>dotnet sharekeep.dll as its own process, with exactly these SHAREKEEP_ variables.</summary>
    public static async Task<CliResult> RunProcessAsync(IReadOnlyDictionary<string, string?> variables, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sharekeep.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("SHAREKEEP_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }
        foreach (var (name, value) in variables)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
