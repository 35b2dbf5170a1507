using System.CommandLine;
using System.CommandLine.Invocation;
using Sharekeep.Cli.Commands;

namespace Sharekeep.Cli;

/// <summary>The sharekeep command: its commands, and the exit code every way a run can end.</summary>
internal static class SharekeepCommandLine
{
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken)
    {
        var globals = new GlobalOptions();
        var root = new RootCommand("Sharekeep's command line: the sharing switches, the link policy, links, files and the audit log, over the server's API.");
        globals.AddTo(root);
        root.Subcommands.Add(StatusCommand.Create(globals, environment));
        root.Subcommands.Add(SwitchCommands.Sharing(globals, environment));
        root.Subcommands.Add(SwitchCommands.External(globals, environment));
        root.Subcommands.Add(PolicyCommands.Create(globals, environment));
        root.Subcommands.Add(LinksCommands.Create(globals, environment));
        root.Subcommands.Add(FilesCommands.Create(globals, environment));
        root.Subcommands.Add(AuditCommands.Create(globals, environment));

        var parsed = root.Parse(args);
        if (parsed.Action is ParseErrorAction usage)
        {
            // The error alone, not the whole help after it, where a person would miss it; --help gives the help.
            usage.ShowHelp = false;
        }
        var invocation = new InvocationConfiguration
        {
            Output = environment.Output,
            Error = environment.Error,
            // Ctrl-C cancels the command's token and gives it two seconds to stop (the parser's own handling).
            ProcessTerminationTimeout = environment.HandlesTermination ? TimeSpan.FromSeconds(2) : null,
        };
        var code = await parsed.InvokeAsync(invocation, cancellationToken);
        // The parser answers its own errors (unknown command, bad value) with 1; here 1 is the server's refusal.
        return parsed.Errors.Count > 0 ? ExitCodes.Usage : code;
    }
}
