using System.Collections.Concurrent;
using System.Data.Common;
using Goldfeder.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Goldfeder.Tests.Infrastructure;

/// <summary>
/// Watches SQLite itself, below EF Core: its update hook reports every row a connection of the app changes, and the
/// witness notes each one changed while that connection did not hold the <see cref="WriteGate"/>.
/// </summary>
public sealed class GateWitness(WriteGate gate) : IDbConnectionInterceptor
{
    public ConcurrentDictionary<string, int> RowsByTable { get; } = new();
    public ConcurrentQueue<string> Unguarded { get; } = new();
    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Watch(connection, eventData.ConnectionId);

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Watch(connection, eventData.ConnectionId);
        return Task.CompletedTask;
    }

    // A pooled SQLite handle may have served another EF Core connection before, so the hook is set on every open.
    private void Watch(DbConnection connection, Guid connectionId) =>
        raw.sqlite3_update_hook(((SqliteConnection)connection).Handle, (_, type, _, table, rowid) => Saw(connectionId, type, table, rowid), null);

    private void Saw(Guid connectionId, int type, string table, long rowid)
    {
        RowsByTable.AddOrUpdate(table, 1, (_, n) => n + 1);
        if (!gate.IsHeldBy(connectionId))
        {
            var what = type switch { raw.SQLITE_INSERT => "INSERT INTO", raw.SQLITE_UPDATE => "UPDATE", raw.SQLITE_DELETE => "DELETE FROM", _ => type.ToString() };
            Unguarded.Enqueue($"{what} {table} (rowid {rowid}) without the write gate");
        }
    }
}
