using Microsoft.Data.Sqlite;
using Npgsql;

namespace Goldfeder.Tests.Infrastructure;

/// <summary>
/// The database each test app starts from. Built once per test run by the real start-up path (an app started on an empty
/// database: migrations, demo content, staff roles, consent text), then copied for every app that owns its database: a
/// file copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL. So the migrations run once per run instead of once per
/// test, and each test still gets a database of its own. Start-up on an empty database stays tested where that is the
/// point: <see cref="GoldfederApp.WithDatabaseAsync"/> (the operator-command processes, demo content, restarts) and the
/// unmigrated site in SiteTests.
/// </summary>
internal static class DatabaseTemplate
{
    private static readonly Lock Gate = new();
    private static string? _template;

    /// <summary>Creates the database named by <paramref name="connectionString"/> as a copy of the template.</summary>
    public static void CopyTo(string connectionString)
    {
        lock (Gate)
        {
            _template ??= Build();
            if (GoldfederApp.Provider == "Sqlite")
            {
                File.Copy(FileOf(_template), FileOf(connectionString));
                return;
            }
            var (server, database) = ServerAnd(connectionString);
            Execute(server, $"CREATE DATABASE \"{database}\" TEMPLATE \"{ServerAnd(_template).Database}\"");
        }
    }

    private static string Build()
    {
        var template = GoldfederApp.NewDatabase(GoldfederApp.Provider);
        using (var app = GoldfederApp.With([], template))
            _ = app.Services; // starts it: migrations and seeding, as on a first start
        if (GoldfederApp.Provider == "Sqlite")
        {
            SqliteConnection.ClearAllPools();
            using (var connection = new SqliteConnection(template))
            {
                connection.Open();
                using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                checkpoint.ExecuteNonQuery();
            }
            SqliteConnection.ClearAllPools();
        }
        else
        {
            using (var connection = new NpgsqlConnection(template)) NpgsqlConnection.ClearPool(connection);
            // A template must have no sessions; none may open one later.
            var (server, database) = ServerAnd(template);
            Execute(server, $"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS false");
            Execute(server, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'");
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Drop(template);
        return template;
    }

    private static void Drop(string template)
    {
        try
        {
            if (GoldfederApp.Provider == "Sqlite")
            {
                foreach (var f in new[] { FileOf(template), FileOf(template) + "-wal", FileOf(template) + "-shm" }) File.Delete(f);
                return;
            }
            var (server, database) = ServerAnd(template);
            Execute(server, $"DROP DATABASE IF EXISTS \"{database}\"");
        }
        catch (Exception e) when (e is IOException or NpgsqlException)
        {
            // The run is over; a leftover template in a throwaway folder or server is harmless.
        }
    }

    private static string FileOf(string connectionString) => new SqliteConnectionStringBuilder(connectionString).DataSource;

    private static (string Server, string Database) ServerAnd(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var database = builder.Database!;
        builder.Database = "postgres";
        builder.Pooling = false;
        return (builder.ConnectionString, database);
    }

    private static void Execute(string server, string sql)
    {
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
