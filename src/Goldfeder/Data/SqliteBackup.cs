using Microsoft.Data.Sqlite;

namespace Goldfeder.Data;

/// <summary>
/// <c>backup FILE</c> and <c>restore FILE</c> for SQLite, with SQLite's online backup API: the copy is one consistent
/// snapshot (a read transaction), taken while the site keeps writing. The consent ledger is the company's legal
/// proof, so a copy is checked (<c>PRAGMA integrity_check</c>) before it is called good, and a restore refuses while the
/// site runs (it holds <see cref="SiteRunning"/>). PostgreSQL is backed up with pg_dump (deploy/README.md).
/// </summary>
public static class SqliteBackup
{
    public const string Usage =
        "       Goldfeder backup FILE    (SQLite: a consistent copy while the site runs)\n" +
        "       Goldfeder restore FILE   (SQLite: puts a copy back; the site must be stopped)";

    public static async Task<int> BackupAsync(IConfiguration config, IHostEnvironment env, string file, TextWriter output)
    {
        if (DatabaseFile(config, env) is not { } database) return RefusePostgres();
        var target = Path.GetFullPath(file);
        if (File.Exists(target))
        {
            await Console.Error.WriteLineAsync($"{target} exists; give a new file name");
            return 1;
        }
        // The copy holds every subscriber's proof of consent: readable by the operator only.
        File.Create(target, 0, FileOptions.None).Dispose();
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        using (var source = Open(database, SqliteOpenMode.ReadOnly))
        using (var copy = Open(target, SqliteOpenMode.ReadWrite))
        {
            source.BackupDatabase(copy);
            // A copy on its own: no -wal file beside it.
            Execute(copy, "PRAGMA journal_mode=DELETE;");
        }
        if (Check(target) is { } problem)
        {
            await Console.Error.WriteLineAsync($"the copy is damaged: {problem}");
            return 1;
        }
        await output.WriteLineAsync($"backup: {target} ({new FileInfo(target).Length} bytes, integrity ok)");
        return 0;
    }

    public static async Task<int> RestoreAsync(IConfiguration config, IHostEnvironment env, string file, TextWriter output)
    {
        if (DatabaseFile(config, env) is not { } database) return RefusePostgres();
        var source = Path.GetFullPath(file);
        if (!File.Exists(source))
        {
            await Console.Error.WriteLineAsync($"{source} does not exist");
            return 1;
        }
        if (Check(source) is { } problem)
        {
            await Console.Error.WriteLineAsync($"{source} is not a usable backup: {problem}; nothing was changed");
            return 1;
        }
        using var running = SiteRunning.TryHold(database);
        if (running is null)
        {
            await Console.Error.WriteLineAsync($"the site is running on {database}; stop it first, nothing was changed");
            return 1;
        }
        SqliteConnection.ClearAllPools();
        using (var backup = Open(source, SqliteOpenMode.ReadOnly))
        using (var live = Open(database, SqliteOpenMode.ReadWriteCreate))
            backup.BackupDatabase(live);
        await output.WriteLineAsync($"restored: {database} from {source}");
        return 0;
    }

    /// <summary>The SQLite database file, or null when the site runs on PostgreSQL.</summary>
    public static string? DatabaseFile(IConfiguration config, IHostEnvironment env)
    {
        if (!(config["Storage:Provider"] ?? "Sqlite").Equals("Sqlite", StringComparison.OrdinalIgnoreCase)) return null;
        var connection = config.GetConnectionString("Goldfeder") ?? StorageSetup.DefaultSqliteConnection(env);
        return Path.GetFullPath(new SqliteConnectionStringBuilder(connection).DataSource, env.ContentRootPath);
    }

    private static int RefusePostgres()
    {
        Console.Error.WriteLine("backup and restore are for SQLite; on PostgreSQL use pg_dump and pg_restore (deploy/README.md)");
        return 2;
    }

    private static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string? Check(string file)
    {
        try
        {
            using var connection = Open(file, SqliteOpenMode.ReadOnly);
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check;";
            var answer = command.ExecuteScalar() as string;
            return answer == "ok" ? null : answer;
        }
        catch (SqliteException e)
        {
            return e.Message;
        }
    }
}
