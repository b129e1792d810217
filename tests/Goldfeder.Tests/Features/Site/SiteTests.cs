using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Goldfeder.Data;
using Goldfeder.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Tests.Features.Site;

public class SiteTests(GoldfederApp app) : IClassFixture<GoldfederApp>
{
    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Pages_are_compressed_when_the_client_asks(string encoding)
    {
        var client = app.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/news/" + Seed.Slug);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

        var response = await client.SendAsync(request);

        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        await using var body = await response.Content.ReadAsStreamAsync();
        await using Stream decoded = encoding == "br" ? new BrotliStream(body, CompressionMode.Decompress) : new GZipStream(body, CompressionMode.Decompress);
        var html = await new StreamReader(decoded).ReadToEndAsync();
        Assert.Contains("Wissenswertes zum Thema", html);
    }

    [Fact]
    public async Task Stylesheet_is_fingerprinted_and_cached_for_a_year()
    {
        var (_, page) = await app.GetPageAsync("/");
        var href = page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.Matches(@"^/css/site\.[a-z0-9]+\.css$", href);

        var response = await app.CreateClient().GetAsync(href);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".trust-bar", await response.Content.ReadAsStringAsync());
        var cache = response.Headers.CacheControl!;
        Assert.True(cache.MaxAge >= TimeSpan.FromDays(365), cache.ToString());
        Assert.Contains("immutable", cache.ToString());
    }

    [Fact]
    public async Task Live_answers_without_checks_and_ready_names_database_migrations_and_outbox()
    {
        var live = await app.CreateClient().GetAsync("/healthz/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        var ready = await app.CreateClient().GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        var checks = json.RootElement.GetProperty("checks");
        foreach (var check in new[] { "database", "migrations", "outbox" })
            Assert.Equal("Healthy", checks.GetProperty(check).GetString());
    }

    [Fact]
    public async Task A_mail_waiting_longer_than_a_quarter_hour_makes_the_outbox_degraded_but_the_site_ready()
    {
        await using var stuck = new GoldfederApp();
        await stuck.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<GoldfederDb>();
            db.Set<Goldfeder.Mail.OutboxMail>().Add(new()
            {
                Recipient = "wartet@example.de", Subject = "Wartet", Status = Goldfeder.Mail.OutboxStatus.Pending,
                CreatedAtUtc = DateTime.UtcNow.AddMinutes(-20), NextAttemptAtUtc = DateTime.UtcNow.AddHours(1),
            });
            await db.SaveChangesAsync();
        });

        var ready = await stuck.CreateClient().GetAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Degraded", json.RootElement.GetProperty("checks").GetProperty("outbox").GetString());
    }

    [Fact]
    public async Task Healthz_reports_the_database()
    {
        var response = await app.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetString());
    }

    [Fact]
    public async Task Healthz_is_unhealthy_when_the_database_is_unreachable()
    {
        var unreachable = GoldfederApp.Provider == "Sqlite"
            ? "Data Source=/nonexistent-folder/goldfeder.db"
            : "Host=127.0.0.1;Port=1;Database=none;Timeout=2";
        await using var broken = new UnmigratedApp(unreachable);

        var response = await broken.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Unhealthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_suite_runs_on_the_provider_it_was_asked_for()
    {
        var providerName = await app.InScopeAsync(s => Task.FromResult(s.GetRequiredService<GoldfederDb>().Database.ProviderName));
        Assert.Equal(GoldfederApp.Provider == "Postgres" ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", providerName);
    }

    [Fact]
    public async Task Migrations_match_the_model()
    {
        var pending = await app.InScopeAsync(s => Task.FromResult(s.GetRequiredService<GoldfederDb>().Database.HasPendingModelChanges()));
        Assert.False(pending, "The model changed without a migration: run dotnet ef migrations add for both contexts (see README).");
    }

    [Fact]
    public async Task An_exception_shows_a_german_error_page_without_internals()
    {
        await using var throwing = new ThrowingApp();

        var (response, page) = await throwing.GetPageAsync("/test/kaputt");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Ein Fehler ist aufgetreten", page.QuerySelector("h1")!.TextContent);
        var html = page.DocumentElement.OuterHtml;
        Assert.DoesNotContain("InvalidOperationException", html);
        Assert.DoesNotContain("Geheimes Innenleben", html);
        Assert.DoesNotContain(" at ", page.Body!.TextContent);
    }

    /// <summary>The real app plus one route that throws, to see what a reader gets when something breaks.</summary>
    private sealed class ThrowingApp : GoldfederApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new ThrowAfterPipeline()));
        }
    }

    private sealed class ThrowAfterPipeline : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate _) => context.Request.Path == "/test/kaputt"
                ? throw new InvalidOperationException("Geheimes Innenleben")
                : Task.CompletedTask);
        };
    }

    /// <summary>A site whose database cannot be opened: start-up migration is skipped so /healthz can be asked.</summary>
    private sealed class UnmigratedApp(string connection) : GoldfederApp(new() { ["Storage:MigrateOnStart"] = "false", ["DemoContent:Load"] = "false" }, connection);
}
