using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Sharekeep.Storage.Postgres;

/// <summary>Lets `dotnet ef migrations add --project src/Sharekeep.Storage.Postgres` build the model; it connects to nothing.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SharekeepDbContext>
{
    public SharekeepDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SharekeepDbContext>();
        PostgresStorage.Configure(options, "Host=127.0.0.1;Database=sharekeep_design");
        return new SharekeepDbContext(options.Options);
    }
}
