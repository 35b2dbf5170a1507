using System.Runtime.CompilerServices;

namespace Sharekeep.Server.Tests.Infrastructure;

/// <summary>What a test needs beyond .NET, and whether this machine has it (scripts/test.sh installs and starts both).</summary>
public static class Requirements
{
    public const string NoPostgres =
        "Needs PostgreSQL: run with SHAREKEEP_TEST_PROVIDER=postgres and SHAREKEEP_TEST_POSTGRES set (./scripts/test.sh starts one).";

    public const string NoChromium =
        "Needs Debian's chromium and chromium-driver (" + Browser.ChromiumPath + ", " + Browser.DriverPath + "); ./scripts/test.sh installs them.";

    public static bool HasPostgres =>
        TestDatabase.IsPostgres && !string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable));

    public const string NoNginx = "Needs Debian's nginx (" + NginxProcess.Path + "); ./scripts/test.sh installs it.";

    public static bool HasChromium => File.Exists(Browser.ChromiumPath) && File.Exists(Browser.DriverPath);

    public static bool HasNginx => File.Exists(NginxProcess.Path);

    public const string NoPrometheus = "Needs Debian's prometheus (" + PrometheusProcess.Path + "); ./scripts/test.sh installs it.";

    public static bool HasPrometheus => File.Exists(PrometheusProcess.Path);
}

/// <summary>A test that runs Debian's Prometheus; where it is not installed, the test is reported as skipped, saying why.</summary>
public sealed class PrometheusFactAttribute : FactAttribute
{
    public PrometheusFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        Skip = Requirements.NoPrometheus;
        SkipUnless = nameof(Requirements.HasPrometheus);
        SkipType = typeof(Requirements);
    }
}

/// <summary>A test that runs Debian's nginx; where it is not installed, the test is reported as skipped, saying why.</summary>
public sealed class NginxFactAttribute : FactAttribute
{
    public NginxFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        Skip = Requirements.NoNginx;
        SkipUnless = nameof(Requirements.HasNginx);
        SkipType = typeof(Requirements);
    }
}

/// <summary>A test that runs only on PostgreSQL; elsewhere it is reported as skipped, saying why.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        Skip = Requirements.NoPostgres;
        SkipUnless = nameof(Requirements.HasPostgres);
        SkipType = typeof(Requirements);
    }
}

/// <summary>A test that drives Chromium; where it is not installed, the test is reported as skipped, saying why.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        Skip = Requirements.NoChromium;
        SkipUnless = nameof(Requirements.HasChromium);
        SkipType = typeof(Requirements);
    }
}

/// <summary>A theory that drives Chromium; skipped, saying why, where it is not installed.</summary>
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        Skip = Requirements.NoChromium;
        SkipUnless = nameof(Requirements.HasChromium);
        SkipType = typeof(Requirements);
    }
}
