using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Goldfeder.Tests.Infrastructure;

namespace Goldfeder.Tests.Features.Site;

/// <summary>The site as an operator starts it: a process in Production, settings from the environment.</summary>
public class ProductionStartTests
{
    [Fact]
    public async Task Placeholder_settings_are_refused_with_one_line_each()
    {
        await GoldfederApp.WithDatabaseAsync(async database =>
        {
            var (code, error) = await StartAndStopAsync(database, new()
            {
                ["Site__BaseUrl"] = "http://www.kettner-edelmetalle.de",
                ["Careers__HrNotificationAddress"] = "personal@localhost",
            });

            Assert.Equal(1, code);
            var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("Goldfeder cannot start:")).ToList();
            Assert.Contains(lines, l => l.Contains("Site:BaseUrl must be an absolute https:// address"));
            Assert.Contains(lines, l => l.Contains("Mail:From"));
            Assert.Contains(lines, l => l.Contains("Newsletter:From"));
            Assert.Contains(lines, l => l.Contains("Newsletter:Imprint is empty"));
            Assert.Contains(lines, l => l.Contains("Careers:HrNotificationAddress"));
            Assert.Contains(lines, l => l.Contains("DataProtection:CertificateFile is missing"));
            Assert.Equal(6, lines.Count);
            Assert.DoesNotContain("   at ", error);
        });
    }

    [Fact]
    public async Task A_missing_base_url_is_named()
    {
        await GoldfederApp.WithDatabaseAsync(async database =>
        {
            var (code, error) = await StartAndStopAsync(database, []);

            Assert.Equal(1, code);
            Assert.Contains("Goldfeder cannot start: Site:BaseUrl is missing", error);
        });
    }

    [Fact]
    public async Task With_real_settings_it_starts_and_encrypts_its_keys_with_the_certificate()
    {
        var certificate = Path.Combine(Path.GetTempPath(), $"goldfeder-dp-{Guid.NewGuid():N}.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Goldfeder Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
            File.WriteAllBytes(certificate, made.Export(X509ContentType.Pkcs12, "geheim-123"));
        }
        try
        {
            await GoldfederApp.WithDatabaseAsync(async database =>
            {
                var (code, error) = await StartAndStopAsync(database, ValidSettings(certificate), untilReady: true);

                Assert.True(code == 0, error);
                // Read back by an app that has the certificate too; without it, it would add a key of its own.
                await using var app = GoldfederApp.With(new() { ["DataProtection:CertificateFile"] = certificate, ["DataProtection:CertificatePassword"] = "geheim-123" }, database);
                var keys = await app.InScopeAsync(s => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                    s.GetRequiredService<Goldfeder.Data.GoldfederDb>().DataProtectionKeys));
                Assert.NotEmpty(keys);
                Assert.All(keys, k => Assert.Contains("<encryptedSecret", k.Xml));
            });
        }
        finally
        {
            File.Delete(certificate);
        }
    }

    public static Dictionary<string, string> ValidSettings(string certificate) => new()
    {
        ["Site__BaseUrl"] = "https://www.kettner-edelmetalle.de",
        ["Mail__From"] = "Kettner Edelmetalle <service@kettner-edelmetalle.de>",
        ["Newsletter__From"] = "Kettner Edelmetalle Newsletter <news@kettner-edelmetalle.de>",
        ["Newsletter__Imprint"] = "Kettner Edelmetalle GmbH\nMusterstraße 1, 97944 Boxberg",
        ["DataProtection__CertificateFile"] = certificate,
        ["DataProtection__CertificatePassword"] = "geheim-123",
    };

    /// <summary>Starts the built site; with <paramref name="untilReady"/> waits for /healthz/ready and stops it with SIGTERM.</summary>
    internal static async Task<(int Code, string Error)> StartAndStopAsync(string database, Dictionary<string, string> settings, bool untilReady = false)
    {
        var port = Loopback.FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetTempPath(), RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Goldfeder.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Storage__Provider"] = GoldfederApp.Provider;
        start.Environment["ConnectionStrings__Goldfeder"] = database;
        foreach (var (key, value) in settings) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        if (untilReady)
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await Eventually.TrueAsync(async () =>
            {
                if (process.HasExited) Assert.Fail("the site stopped: " + await error);
                try { return (await http.GetAsync("/healthz/ready")).StatusCode == HttpStatusCode.OK; }
                catch (HttpRequestException) { return false; }
            }, TimeSpan.FromSeconds(60), "the site did not become ready");
            Process.Start("kill", ["-TERM", process.Id.ToString()]).WaitForExit();
        }
        await process.WaitForExitAsync(deadline.Token);
        await output;
        return (process.ExitCode, await error);
    }

}
