namespace Sharekeep.Server.Tests.Infrastructure;

/// <summary>
/// SHAREKEEP_SOAK=1 turns the route fuzz and the crash test from the short runs of every test command into long ones
/// (see the README).
/// </summary>
public static class Soak
{
    public const string Variable = "SHAREKEEP_SOAK";

    public static bool IsOn => System.Environment.GetEnvironmentVariable(Variable) == "1";

    /// <summary><paramref name="normal"/> in the test command's run, <paramref name="soak"/> with SHAREKEEP_SOAK=1.</summary>
    public static int Choose(int normal, int soak) => IsOn ? soak : normal;
}
