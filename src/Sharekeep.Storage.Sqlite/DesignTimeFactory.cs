using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Sharekeep.Storage.Sqlite;

/// <summary>Lets `dotnet ef migrations add --project src/Sharekeep.Storage.Sqlite` build the model without the server.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SharekeepDbContext>
{
    public SharekeepDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SharekeepDbContext>();
        SqliteStorage.Configure(options, "design.db");
        return new SharekeepDbContext(options.Options);
    }
}
