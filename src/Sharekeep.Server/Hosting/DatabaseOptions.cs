namespace Sharekeep.Server.Hosting;

/// <summary>The "Sharekeep:Database" section: which database holds Sharekeep's records.</summary>
internal sealed class DatabaseOptions
{
    public const string Section = "Sharekeep:Database";
    public const string ConnectionStringName = "Sharekeep";

    /// <summary>"sqlite" (the default: one file in the data directory) or "postgres" (ConnectionStrings:Sharekeep).</summary>
    public string Provider { get; set; } = "sqlite";

    public bool IsPostgres => string.Equals(Provider.Trim(), "postgres", StringComparison.OrdinalIgnoreCase);

    public bool IsSqlite => string.Equals(Provider.Trim(), "sqlite", StringComparison.OrdinalIgnoreCase);

    /// <summary>Read before services exist: the provider decides which services are registered.</summary>
    public static DatabaseOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (!options.IsSqlite && !options.IsPostgres)
        {
            throw new InvalidOperationException(
                $"Sharekeep:Database:Provider is \"{options.Provider}\"; it must be \"sqlite\" or \"postgres\".");
        }
        if (options.IsPostgres && string.IsNullOrWhiteSpace(configuration.GetConnectionString(ConnectionStringName)))
        {
            throw new InvalidOperationException(
                "Sharekeep:Database:Provider is \"postgres\" but ConnectionStrings:Sharekeep is empty; set it to an Npgsql connection string.");
        }
        return options;
    }
}
