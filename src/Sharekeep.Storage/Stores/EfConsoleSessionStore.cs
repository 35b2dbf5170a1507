using Microsoft.EntityFrameworkCore;
using Sharekeep.Core.Sessions;
using Sharekeep.Storage.Entities;

namespace Sharekeep.Storage.Stores;

internal sealed class EfConsoleSessionStore(SharekeepDbContext db) : IConsoleSessionStore
{
    public Task AddAsync(ConsoleSession session, CancellationToken cancellationToken) =>
        db.AddAsync(
            db => db.ConsoleSessions.Add(new ConsoleSessionRow
            {
                Id = session.Id,
                CredentialStamp = session.CredentialStamp,
                Created = session.Created,
                LastSeen = session.LastSeen,
                Address = session.Address,
                UserAgent = session.UserAgent,
            }),
            ct => db.ConsoleSessions.AnyAsync(s => s.Id == session.Id, ct),
            cancellationToken);

    public async Task<ConsoleSession?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await db.ConsoleSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return row is null ? null : ToSession(row);
    }

    public Task TouchAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken) =>
        db.WriteAsync(
            ct => db.ConsoleSessions.Where(s => s.Id == id && s.Ended == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeen, at), ct),
            DatabaseWrites.ApplyAgain,
            cancellationToken);

    public Task<bool> EndAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async ct => await db.ConsoleSessions.Where(s => s.Id == id && s.Ended == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Ended, at), ct) > 0,
            ct => db.ConsoleSessions.AnyAsync(s => s.Id == id && s.Ended == at, ct),
            cancellationToken);

    public async Task<IReadOnlyList<ConsoleSession>> ListUnendedAsync(int limit, CancellationToken cancellationToken)
    {
        var rows = await db.ConsoleSessions.AsNoTracking()
            .Where(s => s.Ended == null)
            .OrderByDescending(s => s.Created)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return rows.ConvertAll(ToSession);
    }

    private static ConsoleSession ToSession(ConsoleSessionRow row) =>
        new(row.Id, row.CredentialStamp, row.Created, row.LastSeen, row.Ended, row.Address, row.UserAgent);
}
