using Goldfeder.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Goldfeder.Tests.Infrastructure;

/// <summary>
/// The site on a SQLite database of its own whatever GOLDFEDER_TEST_PROVIDER says (the write gate is SQLite's), with a
/// <see cref="GateWitness"/> on every connection of its DbContexts.
/// </summary>
public sealed class WitnessedSqliteApp(Dictionary<string, string?> settings) : GoldfederApp(settings, NewDatabase("Sqlite"))
{
    public GateWitness Witness => Services.GetRequiredService<GateWitness>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Storage:Provider", "Sqlite");
        // Microsoft.Data.Sqlite waits out a locked database in 150 ms sleeps for up to 30 s; here a lock held against a
        // writer for 2 s is an error (SQLITE_BUSY), so a write that got past the gate fails instead of waiting.
        builder.UseSetting("ConnectionStrings:Goldfeder", ConnectionString + ";Default Timeout=2");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<GateWitness>();
            services.ConfigureDbContext<SqliteGoldfederDb>((sp, o) => o.AddInterceptors(sp.GetRequiredService<GateWitness>()), ServiceLifetime.Singleton);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await DropDatabaseAsync(ConnectionString);
    }
}
