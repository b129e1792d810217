using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Goldfeder.Data;

/// <summary>Used by dotnet-ef only: <c>dotnet ef migrations add X --context SqliteGoldfederDb -o Data/Migrations/Sqlite</c>.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGoldfederDb>
{
    public SqliteGoldfederDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteGoldfederDb>().UseSqlite("Data Source=design.db").Options);
}
