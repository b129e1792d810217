using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Goldfeder.Data;

public sealed class SqliteGoldfederDb(DbContextOptions<SqliteGoldfederDb> options) : GoldfederDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite keeps DateTime as text without a kind; every time we store is UTC, so say so when reading.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

/// <summary>Used by dotnet-ef only: <c>dotnet ef migrations add X --context SqliteGoldfederDb -o Data/Migrations/Sqlite</c>.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGoldfederDb>
{
    public SqliteGoldfederDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteGoldfederDb>().UseSqlite("Data Source=design.db").Options);
}
