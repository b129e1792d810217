using AngleSharp;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Goldfeder.Tests.Infrastructure;

/// <summary>
/// The real site on a real database of its own. The provider comes from GOLDFEDER_TEST_PROVIDER (Sqlite, the default,
/// or Postgres with GOLDFEDER_TEST_POSTGRES naming the server), so tests/run.sh runs this same suite against both.
/// </summary>
public class GoldfederApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly bool _ownsDatabase;

    private readonly string _connectionString;
    private readonly Lock _copy = new();
    private bool _copied;

    public static string Provider { get; } = Environment.GetEnvironmentVariable("GOLDFEDER_TEST_PROVIDER") ?? "Sqlite";

    /// <summary>The app's database. One of its own is made, as a copy of <see cref="DatabaseTemplate"/>, when first needed.</summary>
    public string ConnectionString
    {
        get
        {
            if (!_ownsDatabase) return _connectionString;
            lock (_copy)
            {
                if (!_copied) DatabaseTemplate.CopyTo(_connectionString);
                _copied = true;
            }
            return _connectionString;
        }
    }

    public GoldfederApp() : this(new Dictionary<string, string?>()) { }

    protected GoldfederApp(Dictionary<string, string?> settings, string? connectionString = null)
    {
        _settings = settings;
        _ownsDatabase = connectionString is null;
        _connectionString = connectionString ?? NewDatabase(Provider);
    }

    /// <summary>An app with settings of its own, on a database of its own unless one is named (that one it leaves in place).</summary>
    public static GoldfederApp With(Dictionary<string, string?> settings, string? connectionString = null) => new Configured(settings, connectionString);

    private sealed class Configured(Dictionary<string, string?> settings, string? connectionString) : GoldfederApp(settings, connectionString);

    public static string NewDatabase(string provider)
    {
        if (provider == "Sqlite")
        {
            var folder = Path.Combine(Path.GetTempPath(), "goldfeder-tests");
            Directory.CreateDirectory(folder);
            return $"Data Source={Path.Combine(folder, Guid.NewGuid().ToString("N") + ".db")}";
        }
        if (provider == "Postgres")
        {
            var server = Environment.GetEnvironmentVariable("GOLDFEDER_TEST_POSTGRES")
                ?? throw new InvalidOperationException("GOLDFEDER_TEST_PROVIDER=Postgres needs GOLDFEDER_TEST_POSTGRES (a server connection string); tests/run.sh sets both.");
            return new NpgsqlConnectionStringBuilder(server) { Database = "goldfeder_test_" + Guid.NewGuid().ToString("N") }.ConnectionString;
        }
        throw new InvalidOperationException($"Unknown GOLDFEDER_TEST_PROVIDER '{provider}'.");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Goldfeder", ConnectionString);
        builder.UseSetting("DemoContent:Load", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (Clock is { } clock)
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(clock);
            });
    }

    /// <summary>The site's clock once <see cref="WithFakeClock"/> was called: it stands still until the test moves it on.</summary>
    public FakeTimeProvider? Clock { get; private set; }

    /// <summary>
    /// Gives the site a clock that starts at the real time and moves only when the test advances it, so the scheduled
    /// publisher, the cleaners and every deadline run on the test's time, not on a real minute. Call before the app starts.
    /// </summary>
    public GoldfederApp WithFakeClock()
    {
        Clock = new TestClock(DateTimeOffset.UtcNow);
        return this;
    }

    public async Task InScopeAsync(Func<IServiceProvider, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>A client that follows no redirects and keeps no cookies, against TestServer or, after UseKestrel, real Kestrel.</summary>
    public HttpClient Browser()
    {
        StartServer();
        return _kestrel
            ? new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = ClientOptions.BaseAddress }
            : CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
    }

    private bool _kestrel;

    /// <summary>Serve through real Kestrel on a loopback port instead of TestServer, e.g. so that requests have a client address.</summary>
    public GoldfederApp OnKestrel()
    {
        UseKestrel(0);
        _kestrel = true;
        return this;
    }

    /// <summary>Runs an operator command (as <c>Goldfeder ARGS</c> would) on this app's services.</summary>
    public async Task<(int Code, string Output)> RunCommandAsync(params string[] args)
    {
        var output = new StringWriter();
        var code = await Goldfeder.OperatorCommands.RunAsync(Services, args, output);
        return (code, output.ToString());
    }

    /// <summary>
    /// A database of its own for tests that start several apps (or processes) on it in turn; dropped afterwards. Empty,
    /// so the first start migrates it, unless <paramref name="migrated"/> asks for a copy of the template (a site that
    /// has run before).
    /// </summary>
    public static async Task WithDatabaseAsync(Func<string, Task> test, bool migrated = false)
    {
        var database = NewDatabase(Provider);
        try
        {
            if (migrated) DatabaseTemplate.CopyTo(database);
            await test(database);
        }
        finally
        {
            await DropDatabaseAsync(database);
        }
    }

    public async Task<(HttpResponseMessage Response, IDocument Document)> GetPageAsync(string url)
    {
        var response = await Browser().GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        var document = await BrowsingContext.New(Configuration.Default).OpenAsync(req => req.Content(html));
        return (response, document);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase && _copied) await DropDatabaseAsync(_connectionString);
        GC.SuppressFinalize(this);
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        if (connectionString.StartsWith("Data Source=", StringComparison.Ordinal))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var file = connectionString["Data Source=".Length..];
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
            return;
        }
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var database = builder.Database!;
        builder.Database = "postgres";
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
