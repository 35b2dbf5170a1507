namespace Sharekeep.Cli;

internal static class Program
{
    public static Task<int> Main(string[] args) => SharekeepCommandLine.RunAsync(args, CliEnvironment.FromConsole(), CancellationToken.None);
}
