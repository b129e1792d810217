using Goldfeder.Data;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Tests.Data;

public class SqliteDurabilityTests
{
    /// <summary>A signup is answered only after its commit; on SQLite that is durable only with WAL and synchronous=FULL.</summary>
    [Fact]
    public async Task Sqlite_commits_are_synced_to_disk()
    {
        // Always on SQLite, whichever provider the suite runs on: this is about the embedded default.
        var database = GoldfederApp.NewDatabase("Sqlite");
        await using var app = GoldfederApp.With(new() { ["Storage:Provider"] = "Sqlite" }, database);
        var (journal, synchronous) = await app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<GoldfederDb>();
            await db.Database.OpenConnectionAsync();
            var journal = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
            var sync = await db.Database.SqlQueryRaw<long>("PRAGMA synchronous").ToListAsync();
            return (journal.Single(), sync.Single());
        });
        Assert.Equal("wal", journal);
        Assert.Equal(2, synchronous); // FULL
        await app.DisposeAsync();
        await GoldfederApp.DropDatabaseAsync(database);
    }
}
