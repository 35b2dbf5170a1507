using System.CommandLine;
using Sharekeep.Cli.Api;
using Sharekeep.Cli.Output;

namespace Sharekeep.Cli.Commands;

/// <summary>Options every command takes: where the server is, where the secret is, and --json.</summary>
internal sealed class GlobalOptions
{
    public Option<Uri?> Url { get; } = new("--url")
    {
        Description = $"The server's address, e.g. https://share.example.com (default: {Credentials.UrlVariable}).",
        HelpName = "URL",
        Recursive = true,
        CustomParser = result =>
        {
            var token = result.Tokens.Single().Value;
            if (Uri.TryCreate(token, UriKind.Absolute, out var url))
            {
                return url;
            }
            result.AddError($"--url: '{token}' is not an absolute address (e.g. http://127.0.0.1:5080).");
            return null;
        },
    };

    public Option<FileInfo?> SecretFile { get; } = new("--secret-file")
    {
        Description = $"A file holding the API secret or an API key, readable by you alone (default: the secret in {Credentials.SecretVariable}).",
        HelpName = "PATH",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write one JSON document to standard output, for scripts, instead of tables.",
        Recursive = true,
    };

    public void AddTo(RootCommand root)
    {
        root.Options.Add(Url);
        root.Options.Add(SecretFile);
        root.Options.Add(Json);
    }

    /// <summary>
    /// Gives <paramref name="command"/> an action that talks to the server: the address and secret resolved, every
    /// failure written to standard error as one message and ended with its exit code.
    /// </summary>
    public void SetAction(Command command, CliEnvironment environment, Func<CommandRun, CancellationToken, Task> action)
    {
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var credentials = Credentials.Resolve(parse.GetValue(Url), parse.GetValue(SecretFile), environment);
                using var api = new ApiClient(credentials);
                await action(new CommandRun(parse, api, new Printer(environment.Output, parse.GetValue(Json)), environment), cancellationToken);
                return ExitCodes.Ok;
            }
            catch (CliFailure failure)
            {
                await environment.Error.WriteLineAsync(TerminalText.Safe(failure.Message, lines: true));
                return failure.ExitCode;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await environment.Error.WriteLineAsync("Interrupted: the answer did not come. A change sent to the server may have been made all the same.");
                return ExitCodes.Interrupted;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A bug, not an answer of the server's: said as one, with an exit code no answer has.
                await environment.Error.WriteLineAsync($"sharekeep failed: {exception}");
                return ExitCodes.Internal;
            }
        });
    }
}

/// <summary>One run of a command: what was parsed, the server, standard output and the environment.</summary>
internal sealed record CommandRun(ParseResult Parse, ApiClient Api, Printer Printer, CliEnvironment Environment);
