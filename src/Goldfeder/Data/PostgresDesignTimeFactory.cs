using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Goldfeder.Data;

/// <summary>Used by dotnet-ef only: <c>dotnet ef migrations add X --context PostgresGoldfederDb -o Data/Migrations/Postgres</c>.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresGoldfederDb>
{
    public PostgresGoldfederDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresGoldfederDb>().UseNpgsql("Host=localhost;Database=goldfeder_design").Options);
}
