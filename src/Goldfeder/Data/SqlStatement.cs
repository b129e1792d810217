using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Data;

/// <summary>
/// A hand-written statement with its text for each provider (one text when both speak it), kept in its feature's SQL
/// file. Table and column names are spliced into the text once, from the model (<c>nameof</c>), when the text is
/// built; every value, enum values included, is a parameter <c>{0}</c>, <c>{1}</c>, … in the order the statement's
/// comment gives. It runs in the caller's transaction, if there is one.
/// </summary>
public sealed record SqlStatement(string Sqlite, string Postgres)
{
    public SqlStatement(string both) : this(both, both) { }

    public string For(GoldfederDb db) => db.Database.IsSqlite() ? Sqlite : Postgres;

    /// <summary>Runs the statement; returns the number of rows it changed.</summary>
    public Task<int> ExecuteAsync(GoldfederDb db, CancellationToken ct, params object[] values) =>
        db.Database.ExecuteSqlRawAsync(For(db), values, ct);

    /// <summary>The statement's rows, each one column named <c>Value</c>.</summary>
    public IQueryable<T> Query<T>(GoldfederDb db, params object[] values) =>
        db.Database.SqlQueryRaw<T>(For(db), values);
}
