namespace Sharekeep.Cli;

/// <summary>
/// What a run of the command line reads and writes besides the network: its streams and environment variables.
/// Tests run the command line in process with their own; the tool itself runs with the console's.
/// </summary>
internal sealed record CliEnvironment(
    TextWriter Output, TextWriter Error, TextReader Input, Func<string, string?> Variable, bool ErrorIsTerminal, bool HandlesTermination)
{
    public static CliEnvironment FromConsole() => new(
        Console.Out, Console.Error, Console.In, Environment.GetEnvironmentVariable, !Console.IsErrorRedirected, HandlesTermination: true);
}
