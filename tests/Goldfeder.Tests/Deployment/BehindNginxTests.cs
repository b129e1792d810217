using System.Net;
using System.Text.Json;
using Goldfeder.Tests.Browser;
using Goldfeder.Tests.Infrastructure;
using Microsoft.Playwright;
using static Goldfeder.Tests.Infrastructure.NewsletterFixtures;

namespace Goldfeder.Tests.Deployment;

/// <summary>What issue 12 promised an operator, proven through nginx with TLS against the published site in Production.</summary>
public sealed class BehindNginxTests(DeployedSite site, BrowserFixture browser) : IClassFixture<DeployedSite>, IClassFixture<BrowserFixture>
{
    private async Task<IPage> NewPageAsync()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseUrl, IgnoreHTTPSErrors = true, Locale = "de-DE", ViewportSize = new() { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        page.Console += (_, m) => _log.Add("console: " + m.Text);
        page.RequestFailed += (_, r) => _log.Add($"failed: {r.Url} {r.Failure}");
        page.Response += (_, r) => _log.Add($"{r.Status} {r.Url}");
        return page;
    }

    private readonly List<string> _log = [];

    [Fact]
    public async Task Staff_log_in_publish_an_article_and_upload_an_image_through_nginx()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/admin");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(DeployedSite.AdminEmail);
        await page.GetByLabel("Passwort").FillAsync(DeployedSite.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        try { await page.ArrivedAsync("**/admin"); }
        catch (PlaywrightException) { Assert.Fail(string.Join("\n", _log) + "\n" + page.Url); }

        await page.GotoAsync("/admin/bilder");
        await page.GetByLabel("Bilddatei").SetInputFilesAsync(new FilePayload { Name = "barren.png", MimeType = "image/png", Buffer = Picture.Png(800, 450) });
        await page.GetByLabel("Alternativtext").FillAsync("Ein Goldbarren auf Samt");
        await page.GetByLabel("Bildnachweis").FillAsync("Kettner Edelmetalle");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bild hochladen" }).ClickAsync();
        await Assertions.Expect(page.Locator(".image-new img")).ToBeVisibleAsync();
        var markdown = await page.Locator(".image-new input").InputValueAsync();

        await page.GotoAsync("/admin/artikel/bearbeiten");
        await page.GetByLabel("Überschrift", new() { Exact = true }).FillAsync("Gold hinter nginx");
        await page.GetByLabel("Vorspann").FillAsync("Ein Artikel, geschrieben und veröffentlicht über den Proxy.");
        await page.GetByLabel("Text (Markdown").FillAsync("## Der Barren\n\n" + markdown + "\n\nSo sieht er aus.");
        await page.GetByLabel("Status").SelectOptionAsync("Published");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Gespeichert.")).ToBeVisibleAsync();

        var reader = await NewPageAsync();
        await reader.GotoAsync("/");
        await reader.GetByRole(AriaRole.Link, new() { Name = "Gold hinter nginx" }).ClickAsync();
        await Assertions.Expect(reader.Locator("article img[alt='Ein Goldbarren auf Samt']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_reader_signs_up_and_confirms_and_an_applicant_sends_a_PDF_through_nginx()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/news/" + Seed.Slug);
        await page.GetByLabel("E-Mail-Adresse").FillAsync("hinter-nginx@example.de");
        await page.GetByRole(AriaRole.Button, new() { Name = "Abschicken" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fast geschafft!" })).ToBeVisibleAsync();
        var link = LinkIn((await site.Smtp.WaitForAsync("hinter-nginx@example.de")).Single(), "/newsletter/bestaetigen");
        Assert.StartsWith(site.BaseUrl + "/", link);
        await page.GotoAsync(PathOf(link));
        try { await page.ArrivedAsync("**/newsletter/bestaetigt"); }
        catch (PlaywrightException) { Assert.Fail(string.Join("\n", _log) + "\n" + await page.ContentAsync()); }
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vielen Dank!" })).ToBeVisibleAsync();

        await page.GotoAsync($"/karriere/{CareersFixtures.Advisor}");
        await page.GetByLabel("Vor- und Nachname").FillAsync("Erika Mustermann");
        await page.GetByLabel("E-Mail-Adresse").FillAsync("erika-nginx@example.de");
        await page.GetByLabel("Lebenslauf (PDF)").SetInputFilesAsync(new FilePayload { Name = "lebenslauf.pdf", MimeType = "application/pdf", Buffer = CareersFixtures.Pdf() });
        await page.Locator("#bewerbung-datenschutz").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Bewerbung absenden" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vielen Dank für Ihre Bewerbung!" })).ToBeVisibleAsync();
        await site.Smtp.WaitForAsync("erika-nginx@example.de");
    }

    [Fact]
    public async Task The_ledger_records_the_client_nginx_saw_never_a_forged_header()
    {
        await SignUpAsync(site.Client(from: "127.0.0.7"), "echt@example.de");
        await SignUpAsync(site.Client(from: "127.0.0.7"), "gefaelscht@example.de", forwardedFor: "203.0.113.66");
        // Straight to Kestrel, past nginx: the header is not believed from anyone but the proxy.
        await SignUpAsync(site.Client(from: "127.0.0.7", port: site.SitePort, scheme: "http"), "direkt@example.de", forwardedFor: "203.0.113.66");

        foreach (var email in new[] { "echt@example.de", "gefaelscht@example.de", "direkt@example.de" })
            Assert.Equal("127.0.0.7", await RecordedAddressAsync(email));
    }

    [Fact]
    public async Task HTTPS_answers_carry_HSTS_and_errors_are_German_or_problem_details()
    {
        var page = await site.Client().GetAsync("/gibt-es-nicht");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Seite nicht gefunden", await page.Content.ReadAsStringAsync());
        Assert.True(page.Headers.Contains("Strict-Transport-Security"), "no HSTS header through nginx");

        var api = await site.Client().GetAsync("/api/admin/campaigns/1");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);

        var plain = await site.Client(port: site.HttpPort, scheme: "http").GetAsync("/news");
        Assert.Equal(HttpStatusCode.MovedPermanently, plain.StatusCode);
        Assert.StartsWith("https://127.0.0.1", plain.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Metrics_are_on_their_own_port_and_the_logs_are_JSON_without_addresses_or_client_IPs()
    {
        await SignUpAsync(site.Client(from: "127.0.0.9"), "metrik@example.de");

        var metrics = await Eventually.ValueAsync(
            async () => await (await site.Client(port: site.MetricsPort, scheme: "http").GetAsync("/metrics")).Content.ReadAsStringAsync(),
            text => text.Contains("goldfeder_newsletter_signups"), TimeSpan.FromSeconds(30), text => "no signup counter in:\n" + text[..Math.Min(2000, text.Length)]);
        Assert.Contains("http_server_request_duration_seconds", metrics);
        Assert.Contains("goldfeder_outbox_depth", metrics);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client().GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client(port: site.SitePort, scheme: "http").GetAsync("/metrics")).StatusCode);

        var lines = site.SiteOutput.Where(l => !l.StartsWith("stderr: ")).ToList();
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            using var _ = JsonDocument.Parse(line);
            Assert.DoesNotContain("metrik@example.de", line);
            Assert.DoesNotContain("127.0.0.9", line);
        }
    }

    [Fact]
    public void The_publish_output_carries_only_Linux_x64_native_libraries()
    {
        Assert.False(Directory.Exists(Path.Combine(site.Published, "runtimes")), "a runtimes/ folder with other platforms' libraries");
        var natives = Directory.GetFiles(site.Published, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".so") || f.EndsWith(".dylib") || (f.EndsWith(".dll") && IsNative(f))).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["libSkiaSharp.so", "libe_sqlite3.so"], natives);
    }

    private static bool IsNative(string dll)
    {
        try { System.Reflection.AssemblyName.GetAssemblyName(dll); return false; }
        catch (BadImageFormatException) { return true; }
    }

    private static async Task SignUpAsync(HttpClient client, string email, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/newsletter")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = email, ["quelle"] = "/news/" + Seed.Slug, ["website"] = "" }),
        };
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>As the data-protection officer's command shows it.</summary>
    private async Task<string?> RecordedAddressAsync(string email)
    {
        var (code, output, error) = await site.RunAsync("", "consent", "proof", email);
        Assert.True(code == 0, error);
        using var proof = JsonDocument.Parse(output);
        return proof.RootElement.GetProperty("events")[0].GetProperty("ipAddress").GetString();
    }
}
