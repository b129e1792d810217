using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Goldfeder.Tests.Infrastructure;

namespace Goldfeder.Tests.Deployment;

/// <summary>
/// The site as deploy/README.md installs it: the published output (tests/run.sh publishes it with
/// <c>-r linux-x64</c> and names it in GOLDFEDER_PUBLISHED) in Production on loopback HTTP, behind Debian's nginx
/// running deploy/nginx/goldfeder.conf with only paths and ports replaced, TLS with a self-signed certificate.
/// A subclass may run several instances on the one database (nginx's upstream gets a line per instance), with
/// settings of its own and a Redis server of its own (<see cref="TwoInstanceSite"/>).
/// </summary>
public class DeployedSite : IAsyncLifetime
{
    public const string AdminEmail = "chefin@example.de";
    public const string AdminPassword = "Chefin-Passwort-2026";
    public const string ApiKey = "deploy-test-schluessel-0123456789";

    private readonly string _folder = Directory.CreateTempSubdirectory("goldfeder-deploy-").FullName;
    private readonly Process?[] _sites;
    private readonly Dictionary<string, string> _extraSettings;
    private Process? _nginx;
    private readonly ConcurrentQueue<string> _siteOutput = new();

    public TestSmtpServer Smtp { get; } = new();
    public string Published { get; } = System.Environment.GetEnvironmentVariable("GOLDFEDER_PUBLISHED")
        ?? throw new InvalidOperationException("GOLDFEDER_PUBLISHED is not set; tests/run.sh publishes the site and names the folder.");
    public string Database { get; } = GoldfederApp.NewDatabase(GoldfederApp.Provider);
    public int[] SitePorts { get; }
    public int[] MetricsPorts { get; }
    public int SitePort => SitePorts[0];
    public int MetricsPort => MetricsPorts[0];
    public int HttpsPort { get; } = Loopback.FreePort();
    public int HttpPort { get; } = Loopback.FreePort();
    /// <summary>The Redis server the instances share, when the subclass asked for one.</summary>
    public RedisServer? Redis { get; }

    public DeployedSite() : this(1, redis: false, []) { }

    protected DeployedSite(int instances, bool redis, Dictionary<string, string> settings)
    {
        _sites = new Process?[instances];
        SitePorts = [.. Enumerable.Range(0, instances).Select(_ => Loopback.FreePort())];
        MetricsPorts = [.. Enumerable.Range(0, instances).Select(_ => Loopback.FreePort())];
        _extraSettings = settings;
        if (redis) Redis = new RedisServer(_folder);
    }
    // 127.0.0.1, not localhost: Chromium may try ::1 first, where this nginx does not listen.
    public string BaseUrl => $"https://127.0.0.1:{HttpsPort}";

    /// <summary>Everything the site wrote to stdout (JSON log lines).</summary>
    public IReadOnlyCollection<string> SiteOutput => _siteOutput;

    public virtual async Task InitializeAsync()
    {
        // nginx's workers (nobody, when the suite runs as root) read and write below this folder.
        File.SetUnixFileMode(_folder, (UnixFileMode)0b111_101_101);
        WriteCertificates();
        if (Redis is not null) await Redis.StartAsync();
        var admin = await RunAsync(AdminPassword + "\n", "admin", "create", "--email", AdminEmail, "--role", "Admin");
        Assert.True(admin.Code == 0, admin.Error);

        // One after the other: the first migrates the database.
        for (var i = 0; i < _sites.Length; i++)
        {
            _sites[i] = Start(Path.Combine(Published, "Goldfeder"), [], SiteEnvironment(i));
            var instance = i;
            await Eventually.TrueAsync(async () => await ReadyAsync(instance), TimeSpan.FromSeconds(60), $"the published site (instance {i}) did not become ready: " + string.Join("\n", _siteOutput.TakeLast(20)));
        }

        WriteNginxConfig();
        var nginx = System.Environment.GetEnvironmentVariable("GOLDFEDER_NGINX") ?? "/usr/sbin/nginx";
        _nginx = Start(nginx, ["-c", Path.Combine(_folder, "nginx.conf"), "-e", Path.Combine(_folder, "nginx-error.log")], []);
        await Eventually.TrueAsync(async () =>
        {
            if (_nginx.HasExited) Assert.Fail("nginx stopped: " + ReadIfExists("nginx-error.log"));
            try { return (await Client().GetAsync("/healthz/live")).StatusCode == HttpStatusCode.OK; }
            catch (HttpRequestException) { return false; }
        }, TimeSpan.FromSeconds(30), "nginx did not answer");
    }

    /// <summary>A client of nginx over HTTPS, optionally from another loopback address (as another machine would be).</summary>
    public HttpClient Client(string from = "127.0.0.1", int? port = null, string scheme = "https") => Loopback.ClientFrom(from, port ?? HttpsPort, scheme);

    /// <summary>A client of one instance directly, on its loopback HTTP port (as nginx reaches it).</summary>
    public HttpClient Instance(int i) => Client(port: SitePorts[i], scheme: "http");

    /// <summary>Ends an instance with SIGKILL: no shutdown, nothing recorded, as a crash or the OOM killer would.</summary>
    public async Task KillAsync(int i)
    {
        var process = _sites[i]!;
        process.Kill();
        await process.WaitForExitAsync();
    }

    /// <summary>Runs an operator command of the published site on its database.</summary>
    public async Task<(int Code, string Output, string Error)> RunAsync(string input, params string[] args)
    {
        using var process = Start(Path.Combine(Published, "Goldfeder"), args, SiteEnvironment(0), redirectInput: true, collect: false);
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await output, await error);
    }

    private async Task<bool> ReadyAsync(int i)
    {
        if (_sites[i]!.HasExited) Assert.Fail("the site stopped: " + string.Join("\n", _siteOutput.TakeLast(20)));
        try { return (await Instance(i).GetAsync("/healthz/ready")).StatusCode == HttpStatusCode.OK; }
        catch (HttpRequestException) { return false; }
    }

    private Dictionary<string, string> SiteEnvironment(int instance)
    {
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{SitePorts[instance]}",
            ["ForwardedHeaders__KnownProxies__0"] = "127.0.0.1",
            ["Site__BaseUrl"] = BaseUrl,
            ["Storage__Provider"] = GoldfederApp.Provider,
            ["ConnectionStrings__Goldfeder"] = Database,
            ["DemoContent__Load"] = "true",
            ["Careers__FileStore__Path"] = Path.Combine(_folder, "applications"),
            ["Careers__HrNotificationAddress"] = "personal@example.de",
            ["Mail__From"] = "Kettner Edelmetalle <service@example.de>",
            ["Newsletter__From"] = "Kettner Edelmetalle Newsletter <news@example.de>",
            ["Newsletter__Imprint"] = "Kettner Edelmetalle GmbH\nMusterstraße 1, 97944 Boxberg",
            ["DataProtection__CertificateFile"] = Path.Combine(_folder, "dataprotection.pfx"),
            ["DataProtection__CertificatePassword"] = "test-zertifikat",
            ["Metrics__Port"] = MetricsPorts[instance].ToString(),
            ["Campaigns__ApiKey"] = ApiKey,
            ["Logging__Console__FormatterName"] = "json",
        };
        foreach (var (key, value) in Smtp.Settings()) settings[key.Replace(":", "__")] = value!;
        if (Redis is not null) settings["ConnectionStrings__Redis"] = Redis.Configuration;
        foreach (var (key, value) in _extraSettings) settings[key.Replace(":", "__")] = value;
        return settings;
    }

    private Process Start(string file, string[] args, Dictionary<string, string> environment, bool redirectInput = false, bool collect = true)
    {
        // The published folder is the content root (wwwroot), as WorkingDirectory= in deploy/goldfeder.service makes it.
        var start = new ProcessStartInfo(file) { WorkingDirectory = Path.GetDirectoryName(file)!, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = redirectInput };
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var process = new Process { StartInfo = start };
        if (collect)
        {
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) _siteOutput.Enqueue(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _siteOutput.Enqueue("stderr: " + e.Data); };
        }
        process.Start();
        if (collect)
        {
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }
        return process;
    }

    private void WriteCertificates()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllText(Path.Combine(_folder, "fullchain.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_folder, "privkey.pem"), rsa.ExportPkcs8PrivateKeyPem());
        File.WriteAllBytes(Path.Combine(_folder, "dataprotection.pfx"), certificate.Export(X509ContentType.Pkcs12, "test-zertifikat"));
    }

    /// <summary>deploy/nginx/goldfeder.conf with paths and ports replaced, inside a minimal main configuration of its own.</summary>
    private void WriteNginxConfig()
    {
        var site = File.ReadAllText(Path.Combine(Architecture.SourceTree.Root, "deploy", "nginx", "goldfeder.conf"))
            .Replace("/etc/ssl/goldfeder/fullchain.pem", Path.Combine(_folder, "fullchain.pem"))
            .Replace("/etc/ssl/goldfeder/privkey.pem", Path.Combine(_folder, "privkey.pem"))
            .Replace("/var/cache/nginx/goldfeder", Path.Combine(_folder, "cache"))
            .Replace("/var/www/html", _folder)
            .Replace("    server 127.0.0.1:5000;", string.Join("\n", SitePorts.Select(p => $"    server 127.0.0.1:{p};")))
            .Replace("www.example.de", "localhost");
        site = Regex.Replace(site, @"listen \[::\]:(80|443)[^;]*;", "");
        site = site.Replace("listen 80;", $"listen 127.0.0.1:{HttpPort};").Replace("listen 443 ssl http2;", $"listen 127.0.0.1:{HttpsPort} ssl http2;");
        File.WriteAllText(Path.Combine(_folder, "goldfeder.conf"), site);
        var user = System.Environment.UserName == "root" ? "user root;" : "";
        File.WriteAllText(Path.Combine(_folder, "nginx.conf"), $$"""
            {{user}}
            worker_processes 1;
            daemon off;
            pid {{_folder}}/nginx.pid;
            error_log {{_folder}}/nginx-error.log warn;
            events { worker_connections 512; }
            http {
                include /etc/nginx/mime.types;
                access_log off;
                client_body_temp_path {{_folder}}/client_body;
                proxy_temp_path {{_folder}}/proxy_temp;
                fastcgi_temp_path {{_folder}}/fastcgi_temp;
                uwsgi_temp_path {{_folder}}/uwsgi_temp;
                scgi_temp_path {{_folder}}/scgi_temp;
                include {{_folder}}/goldfeder.conf;
            }
            """);
    }

    private string ReadIfExists(string name) => File.Exists(Path.Combine(_folder, name)) ? File.ReadAllText(Path.Combine(_folder, name)) : "";


    public async Task DisposeAsync()
    {
        foreach (var process in _sites.Prepend(_nginx))
        {
            if (process is null) continue;
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
        }
        if (Redis is not null) await Redis.DisposeAsync();
        await Smtp.DisposeAsync();
        await GoldfederApp.DropDatabaseAsync(Database);
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* nginx's cache files, owned by its worker */ }
    }
}
