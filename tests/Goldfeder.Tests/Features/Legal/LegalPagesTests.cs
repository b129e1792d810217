using System.Collections.Concurrent;
using System.Net;
using Goldfeder.Common;
using Goldfeder.Data;
using Goldfeder.Features.Legal;
using Goldfeder.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using static Goldfeder.Tests.Infrastructure.AdminFixtures;

namespace Goldfeder.Tests.Features.Legal;

public sealed class LegalPagesTests : IAsyncLifetime
{
    private readonly TestSmtpServer _smtp = new();

    [Fact]
    public Task A_fresh_install_starts_warns_in_its_log_and_shows_a_notice_on_every_admin_page_until_both_pages_are_written() =>
        GoldfederApp.WithDatabaseAsync(async database =>
    {
        var log = new CapturedLog();
        await using var app = new LoggedApp(new(_smtp.Settings()) { ["DemoContent:Load"] = "false" }, log, database);
        var admin = await app.StaffAsync("Admin");

        Assert.Contains(log.Warnings, w => w.Contains("Impressum") && w.Contains("Datenschutzerklärung"));
        var (imprint, page) = await app.GetPageAsync("/impressum");
        Assert.Equal(HttpStatusCode.OK, imprint.StatusCode);
        Assert.Contains("wird gerade erstellt", page.QuerySelector("main")!.TextContent);
        foreach (var url in new[] { "/admin", "/admin/artikel", "/admin/newsletter", "/admin/karriere", "/admin/datenschutz", "/admin/protokoll", "/admin/rechtliches" })
            Assert.Contains("Pflichtangaben fehlen", await admin.GetStringAsync(url));

        await SaveAsync(admin, "impressum", "## Angaben gemäß § 5 DDG\n\nKettner Edelmetalle GmbH\n\n<script>alert(1)</script>");
        var afterOne = await admin.GetStringAsync("/admin");
        Assert.Contains("Pflichtangaben fehlen", afterOne);
        Assert.Contains("Datenschutzerklärung fehlt", afterOne);
        await SaveAsync(admin, "datenschutz", "## Verantwortlicher\n\nKettner Edelmetalle GmbH");

        Assert.DoesNotContain("Pflichtangaben fehlen", await admin.GetStringAsync("/admin"));
        var (_, shown) = await app.GetPageAsync("/impressum");
        Assert.Equal("Angaben gemäß § 5 DDG", shown.QuerySelector("main h2")!.TextContent);
        Assert.Null(shown.QuerySelector("main script"));

        // A restart with the pages written warns no more.
        var again = new CapturedLog();
        await using var restarted = new LoggedApp(new(_smtp.Settings()) { ["DemoContent:Load"] = "false" }, again, database);
        await restarted.GetPageAsync("/impressum");
        Assert.DoesNotContain(again.Warnings, w => w.Contains("Legal pages"));
    });

    [Fact]
    public async Task Every_save_is_a_revision_and_an_audit_entry_and_the_public_page_shows_it_at_once()
    {
        await using var app = GoldfederApp.With(_smtp.Settings());
        var admin = await app.StaffAsync("Admin");
        var (_, cached) = await app.GetPageAsync("/datenschutz");
        Assert.Contains("PLATZHALTER", cached.QuerySelector("main")!.TextContent);

        await SaveAsync(admin, "datenschutz", "## Erste Fassung");
        await SaveAsync(admin, "datenschutz", "## Zweite Fassung");

        var (_, page) = await app.GetPageAsync("/datenschutz");
        Assert.Equal("Zweite Fassung", page.QuerySelector("main h2")!.TextContent);
        var (revisions, audit) = await app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<GoldfederDb>();
            return (await db.LegalPageRevisions.Where(r => r.Slug == "datenschutz").OrderBy(r => r.Id).Select(r => r.Markdown).ToListAsync(),
                await db.AuditEntries.Where(a => a.Action == "legal.update").OrderBy(a => a.Id).ToListAsync());
        });
        Assert.Equal(["## Erste Fassung", "## Zweite Fassung"], revisions);
        Assert.Equal("## Erste Fassung", audit.Last().Before);
        Assert.Equal("## Zweite Fassung", audit.Last().After);
        Assert.Contains("Erste Fassung", await admin.GetStringAsync("/admin/rechtliches/datenschutz"));

        var empty = await admin.PostAsync("/admin/rechtliches/datenschutz", Form(TokenIn(await admin.GetStringAsync("/admin/rechtliches/datenschutz")), ("text", "  ")));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Bitte geben Sie den Text der Seite ein.", await empty.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Demo_content_brings_marked_placeholders_that_keep_the_notice()
    {
        await using var app = GoldfederApp.With(_smtp.Settings());
        var admin = await app.StaffAsync("Admin");

        var (_, imprint) = await app.GetPageAsync("/impressum");
        Assert.Contains("PLATZHALTER", imprint.QuerySelector("main")!.TextContent);
        var (_, privacy) = await app.GetPageAsync("/datenschutz");
        Assert.Contains("goldfeder-admin", privacy.QuerySelector("main")!.TextContent);
        Assert.Contains("keine Cookies", privacy.QuerySelector("main")!.TextContent);
        Assert.Contains("Pflichtangaben fehlen", await admin.GetStringAsync("/admin"));
    }

    [Fact]
    public async Task Only_the_admin_role_edits_the_legal_pages()
    {
        await using var app = GoldfederApp.With(_smtp.Settings());
        var editor = await app.StaffAsync("Editor");

        var response = await editor.GetAsync("/admin/rechtliches/impressum");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/kein-zugriff", response.Headers.Location!.PathAndQuery);
        Assert.DoesNotContain("href=\"/admin/rechtliches\">Rechtliches", await editor.GetStringAsync("/admin"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/news/" + Seed.Slug)]
    [InlineData("/newsletter")]
    [InlineData("/karriere")]
    [InlineData("/karriere/" + CareersFixtures.Advisor)]
    [InlineData("/impressum")]
    public async Task Every_page_links_both_legal_pages_in_its_footer(string url)
    {
        await using var app = GoldfederApp.With(_smtp.Settings());

        var (_, page) = await app.GetPageAsync(url);

        var footer = page.QuerySelector("footer")!;
        Assert.NotNull(footer.QuerySelector("a[href='/impressum']"));
        Assert.NotNull(footer.QuerySelector("a[href='/datenschutz']"));
    }

    [Fact]
    public async Task The_newsletter_box_the_signup_page_and_the_application_consent_link_the_privacy_policy()
    {
        await using var app = GoldfederApp.With(_smtp.Settings());

        foreach (var url in new[] { "/newsletter", "/news/" + Seed.Slug })
        {
            var (_, page) = await app.GetPageAsync(url);
            Assert.NotNull(page.QuerySelector(".newsletter-box a[href='/datenschutz']"));
        }
        var (_, posting) = await app.GetPageAsync("/karriere/" + CareersFixtures.Advisor);
        Assert.NotNull(posting.QuerySelector(".privacy-consent a[href='/datenschutz']"));
    }

    [Fact]
    public async Task Every_mail_links_the_imprint_and_the_privacy_policy_in_its_footer()
    {
        var (settings, _) = CareersFixtures.Settings(CampaignFixtures.Quick(_smtp));
        await using var app = GoldfederApp.With(settings);
        await app.ConfirmedAsync(_smtp, "leser@example.de");
        await app.ApplyAsync(CareersFixtures.Advisor, CareersFixtures.Form(email: "bewerberin@example.de"));
        var campaign = await app.CreateCampaignAsync();
        await app.StartAsync(campaign);
        await _smtp.WaitForCampaignMailsAsync(1);
        await _smtp.WaitForAsync("bewerberin@example.de");

        var mails = _smtp.Received.ToList();
        Assert.True(mails.Count >= 5, $"only {mails.Count} mails");
        foreach (var mail in mails)
            foreach (var body in new[] { mail.TextBody, mail.HtmlBody })
            {
                Assert.Contains("/impressum", body);
                Assert.Contains("/datenschutz", body);
            }
    }

    [Fact]
    public async Task The_public_site_sets_no_cookies_not_even_when_a_reader_signs_up_or_applies()
    {
        var (settings, _) = CareersFixtures.Settings(_smtp.Settings());
        await using var app = GoldfederApp.With(settings);
        var responses = new List<(string, HttpResponseMessage)>();
        foreach (var url in new[] { "/", "/news/" + Seed.Slug, "/newsletter", "/karriere", "/karriere/" + CareersFixtures.Advisor, "/impressum", "/datenschutz", "/gibt-es-nicht", "/css/site.css" })
            responses.Add((url, await app.Browser().GetAsync(url)));
        responses.Add(("signup", await app.SignUpAsync("keks@example.de")));
        responses.Add(("application", await app.ApplyAsync(CareersFixtures.Advisor, CareersFixtures.Form(email: "keks@example.de"))));
        // The check itself works: the admin's login page does set its antiforgery cookie.
        var login = await app.Browser().GetAsync("/admin/anmelden");
        Assert.True(login.Headers.Contains("Set-Cookie"));

        var withCookies = responses.Where(r => r.Item2.Headers.Contains("Set-Cookie")).Select(r => r.Item1).ToList();

        Assert.True(withCookies.Count == 0, "cookies set by: " + string.Join(", ", withCookies));
        Assert.All(responses, r => Assert.True((int)r.Item2.StatusCode < 500, r.Item1));
    }

    private static async Task SaveAsync(HttpClient admin, string slug, string markdown)
    {
        var url = $"/admin/rechtliches/{slug}";
        var saved = await admin.PostAsync(url, Form(TokenIn(await admin.GetStringAsync(url)), ("text", markdown)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    private sealed class LoggedApp(Dictionary<string, string?> settings, CapturedLog log, string? connectionString = null) : GoldfederApp(settings, connectionString)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(log));
        }
    }

    private sealed class CapturedLog : ILoggerProvider
    {
        public ConcurrentQueue<string> Warnings { get; } = new();
        public ILogger CreateLogger(string categoryName) => new Logger(this);
        public void Dispose() { }

        private sealed class Logger(CapturedLog log) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel >= LogLevel.Warning) log.Warnings.Enqueue(formatter(state, exception));
            }
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _smtp.DisposeAsync();
}
