using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Data;

public static class StorageSetup
{
    /// <summary>Registers <see cref="GoldfederDb"/> for the provider named by <c>Storage:Provider</c> (Sqlite or Postgres).</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var provider = config["Storage:Provider"] ?? "Sqlite";
        var connection = config.GetConnectionString("Goldfeder");

        if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connection))
                throw new InvalidOperationException("Storage:Provider is Postgres, but ConnectionStrings:Goldfeder is not set.");
            services.AddDbContextPool<GoldfederDb, PostgresGoldfederDb>(o => o.UseNpgsql(WithAutoPrepare(connection)));
        }
        else if (provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            connection ??= DefaultSqliteConnection(env);
            // One writer at a time, taken for every write by the interceptor (see WriteGate).
            services.AddSingleton<WriteGate>();
            services.AddSingleton<WriteGateInterceptor>();
            services.AddDbContextPool<GoldfederDb, SqliteGoldfederDb>((sp, o) => o.UseSqlite(connection).AddInterceptors(sp.GetRequiredService<WriteGateInterceptor>()));
        }
        else
        {
            throw new InvalidOperationException($"Storage:Provider '{provider}' is unknown; use Sqlite or Postgres.");
        }

        services.AddKeysAtRest(config);
        services.AddSingleton<Secrets>();
        services.AddHealthChecks().AddDbContextCheck<GoldfederDb>("database").AddCheck<MigrationsCheck>("migrations");
        return services;
    }

    /// <summary>
    /// Npgsql's automatic preparation, unless the connection string says otherwise: a statement run a few times is
    /// prepared on the server and then only bound and executed, which spares PostgreSQL parsing and planning the same
    /// page queries on every request. EF Core names every column it reads, so an added column does not invalidate a
    /// prepared statement's result. Behind PgBouncer in transaction mode, set <c>Max Auto Prepare=0</c>.
    /// </summary>
    public static string WithAutoPrepare(string connection)
    {
        // The plain builder holds only the keys given (Npgsql's answers for every key it knows).
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connection };
        if (given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare")) return connection;
        return new Npgsql.NpgsqlConnectionStringBuilder(connection) { MaxAutoPrepare = 64 }.ConnectionString;
    }

    public static string DefaultSqliteConnection(IHostEnvironment env)
    {
        var folder = Path.Combine(env.ContentRootPath, "data");
        // The database holds personal data: its folder is the operator's alone.
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return $"Data Source={Path.Combine(folder, "goldfeder.db")}";
    }

    /// <summary>Migrations at start, unless <c>Storage:MigrateOnStart</c> is false (then the operator runs them).</summary>
    public static async Task<bool> PrepareStorageAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Storage:MigrateOnStart", true)) return false;
        await MigrateAsync(app.Services);
        return true;
    }

    /// <summary>Applies pending migrations. SQLite additionally gets WAL mode, so readers never wait for the writer.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GoldfederDb>();
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await db.Database.MigrateAsync(ct);
    }
}
