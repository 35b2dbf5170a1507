namespace Sharekeep.Cli;

/// <summary>What the command line's exit status means (README, "Command line"); scripts branch on these.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The server refused the request (a 4xx other than 401, 403 and 429): bad input, unknown id, a rule.</summary>
    public const int Refused = 1;

    /// <summary>The command line itself is wrong: unknown command or option, a bad value, no address or secret.</summary>
    public const int Usage = 2;

    /// <summary>The credential was refused (401) or may not do this (403).</summary>
    public const int Credentials = 3;

    /// <summary>The server could not be reached, or could not answer now (5xx, 429): trying again later may work.</summary>
    public const int Unavailable = 4;

    /// <summary>Something went wrong inside sharekeep itself: a bug, reported with what happened (EX_SOFTWARE of sysexits.h).</summary>
    public const int Internal = 70;

    /// <summary>Ctrl-C (SIGINT) or SIGTERM ended the command before its answer came (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}

/// <summary>A command that cannot go on: its message goes to standard error and its exit code ends the run.</summary>
internal sealed class CliFailure(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public static CliFailure Usage(string message) => new(ExitCodes.Usage, message);
}
