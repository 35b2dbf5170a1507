using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Sharekeep.Storage;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the server.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SharekeepDbContext>
{
    public SharekeepDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SharekeepDbContext>().UseSqlite("Data Source=design.db").Options);
}
