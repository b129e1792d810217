using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Goldfeder.Data;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Goldfeder.Tests.Data;

/// <summary>
/// The consent ledger is the company's proof: a backup taken while readers sign up must hold every signup the site
/// had acknowledged when the backup began. SQLite with the site's own <c>backup</c>/<c>restore</c> commands,
/// PostgreSQL with the pg_dump/pg_restore recipe of deploy/README.md.
/// </summary>
public class BackupTests
{
    [Fact]
    public async Task A_backup_taken_under_signup_load_holds_every_acknowledged_signup()
    {
        await GoldfederApp.WithDatabaseAsync(async database =>
        {
            var copy = Path.Combine(Path.GetTempPath(), $"goldfeder-backup-{Guid.NewGuid():N}");
            var restored = GoldfederApp.NewDatabase(GoldfederApp.Provider);
            try
            {
                var acknowledgedBefore = await BackupUnderLoadAsync(database, copy);
                await RestoreAsync(copy, restored);

                await using var app = GoldfederApp.With([], restored);
                var stored = await app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().Set<Goldfeder.Features.Newsletter.Subscriber>()
                    .Select(x => x.NormalizedEmail).ToListAsync());
                var missing = acknowledgedBefore.Except(stored).ToList();
                Assert.True(acknowledgedBefore.Count >= 50, $"only {acknowledgedBefore.Count} signups before the backup");
                Assert.True(missing.Count == 0, $"{missing.Count} of {acknowledgedBefore.Count} acknowledged signups are not in the backup, e.g. {missing.FirstOrDefault()}");
            }
            finally
            {
                File.Delete(copy);
                await GoldfederApp.DropDatabaseAsync(restored);
            }
        }, migrated: true);
    }

    [Fact]
    public async Task Restore_refuses_while_the_site_runs_and_a_damaged_file_changes_nothing()
    {
        await GoldfederApp.WithDatabaseAsync(async database =>
        {
            if (GoldfederApp.Provider != "Sqlite")
            {
                var (code, _, error) = await OperatorAsync(database, "restore", "/tmp/egal.db");
                Assert.Equal(2, code);
                Assert.Contains("pg_dump", error);
                return;
            }
            var copy = Path.Combine(Path.GetTempPath(), $"goldfeder-backup-{Guid.NewGuid():N}.db");
            var damaged = copy + ".kaputt";
            try
            {
                await using (var site = GoldfederApp.With([], database))
                {
                    site.Browser().Dispose();
                    Assert.Equal(0, (await OperatorAsync(database, "backup", copy)).Code);
                    Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(copy));

                    var whileRunning = await OperatorAsync(database, "restore", copy);
                    Assert.Equal(1, whileRunning.Code);
                    Assert.Contains("the site is running", whileRunning.Error);
                }
                File.WriteAllText(damaged, "keine Datenbank");
                var refused = await OperatorAsync(database, "restore", damaged);
                Assert.Equal(1, refused.Code);
                Assert.Contains("nothing was changed", refused.Error);

                Assert.Equal(0, (await OperatorAsync(database, "restore", copy)).Code);
            }
            finally
            {
                File.Delete(copy);
                File.Delete(damaged);
            }
        }, migrated: true);
    }

    /// <summary>Signs up from 8 clients without pause; takes the backup after 100 acknowledgements; returns those acknowledged before it began.</summary>
    private static async Task<List<string>> BackupUnderLoadAsync(string database, string copy)
    {
        await using var site = GoldfederApp.With(new() { ["Newsletter:SignupsPerIpPerWindow"] = "100000" }, database);
        site.Browser().Dispose();
        var acknowledged = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, 8).Select(c => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var email = $"last{c}-{i}@example.de";
                var response = await site.SignUpAsync(email);
                if (response.StatusCode == HttpStatusCode.Redirect) acknowledged.Enqueue(email);
            }
        })).ToList();

        await Eventually.TrueAsync(() => acknowledged.Count >= 100, TimeSpan.FromSeconds(60), "100 signups were not acknowledged");
        var before = acknowledged.ToList();
        var backup = GoldfederApp.Provider == "Sqlite" ? await OperatorAsync(database, "backup", copy) : await PgAsync("pg_dump", "-Fc", "-f", copy, "-d", Name(database), Server(database));
        var during = acknowledged.Count - before.Count;
        await stop.CancelAsync();
        await Task.WhenAll(clients);
        Assert.True(backup.Code == 0, backup.Error);
        Assert.True(during > 0, "no signup was acknowledged while the backup ran: it was not taken under load");
        return before;
    }

    private static async Task RestoreAsync(string copy, string restored)
    {
        if (GoldfederApp.Provider == "Sqlite")
        {
            var result = await OperatorAsync(restored, "restore", copy);
            Assert.True(result.Code == 0, result.Error);
            return;
        }
        var create = await PgAsync("createdb", Name(restored), Server(restored));
        Assert.True(create.Code == 0, create.Error);
        var result2 = await PgAsync("pg_restore", "--no-owner", "-d", Name(restored), copy, Server(restored));
        Assert.True(result2.Code == 0, result2.Error);
    }

    private static string Name(string connection) => new NpgsqlConnectionStringBuilder(connection).Database!;

    /// <summary>The server's socket folder, port and user as pg_dump's options (one string, split in PgAsync).</summary>
    private static string Server(string connection)
    {
        var b = new NpgsqlConnectionStringBuilder(connection);
        return $"-h {b.Host} -p {b.Port} -U {b.Username}";
    }

    private static async Task<(int Code, string Output, string Error)> PgAsync(string tool, params string[] args)
    {
        var bin = Environment.GetEnvironmentVariable("GOLDFEDER_PG_BIN")
            ?? throw new InvalidOperationException("GOLDFEDER_PG_BIN is not set; tests/run.sh names PostgreSQL's programs folder.");
        var start = new ProcessStartInfo(Path.Combine(bin, tool)) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args.SelectMany(a => a.StartsWith("-h ") ? a.Split(' ') : [a])) start.ArgumentList.Add(a);
        return await RunAsync(start);
    }

    private static Task<(int Code, string Output, string Error)> OperatorAsync(string database, params string[] args) =>
        OperatorProcess.RunAsync(database, "", args);

    private static async Task<(int Code, string Output, string Error)> RunAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await output, await error);
    }
}
