namespace Goldfeder.Data;

/// <summary>
/// A lock file beside the SQLite database, held exclusively while the site runs (an OS file lock, released when the
/// process ends, even by SIGKILL), so that <c>restore</c> can tell a running site from a stopped one.
/// </summary>
public static class SiteRunning
{
    public static IDisposable? TryHold(string databaseFile)
    {
        try
        {
            return new FileStream(databaseFile + ".running", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Taken by the web site (not by operator commands) for as long as it runs; a no-op on PostgreSQL.</summary>
    public static void HoldWhileRunning(this WebApplication app)
    {
        if (SqliteBackup.DatabaseFile(app.Configuration, app.Environment) is not { } database) return;
        var held = TryHold(database);
        if (held is null)
        {
            app.Logger.LogWarning("Another process holds {Lock}: a second site on one SQLite file is not supported", database + ".running");
            return;
        }
        app.Lifetime.ApplicationStopped.Register(held.Dispose);
    }
}
