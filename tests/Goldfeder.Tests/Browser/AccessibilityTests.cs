using Goldfeder.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Goldfeder.Tests.Browser;

/// <summary>axe-core over every public page and the admin pages: serious and critical problems fail the test.</summary>
public sealed class AccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private GoldfederApp _app = null!;
    private string _baseUrl = "";

    public Task InitializeAsync()
    {
        _app = GoldfederApp.With([]).OnKestrel();
        _app.StartServer();
        _baseUrl = _app.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Public_pages_have_no_serious_accessibility_problems()
    {
        await using var context = await browser.NewContextAsync(_baseUrl, forAxe: true);
        var problems = await CheckAsync(context,
            "/", "/news/" + Seed.Slug, "/newsletter", "/newsletter/danke", "/newsletter/bestaetigt", "/karriere",
            "/news/gibt-es-nicht", "/newsletter/bestaetigen?token=x", "/newsletter/abmelden?token=x", "/newsletter/einstellungen?token=x", "/newsletter/abgemeldet", "/admin/anmelden",
            "/suche", "/suche?q=Gold", "/suche?q=Quarzuhr+Gold", "/autor/redaktion-kettner-edelmetalle", "/newsletter/archiv",
            "/impressum", "/datenschutz");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Admin_pages_have_no_serious_accessibility_problems()
    {
        await _app.CreateAccountAsync("chefin@example.de", "Admin", "Admin-Passwort-123");
        await using var context = await browser.NewContextAsync(_baseUrl, forAxe: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/anmelden");
        await page.GetByLabel("E-Mail-Adresse").FillAsync("chefin@example.de");
        await page.GetByLabel("Passwort").FillAsync("Admin-Passwort-123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await page.ArrivedAsync("**/admin");

        var draft = await _app.CreateCampaignAsync();
        var sent = await _app.CreateCampaignAsync("Silber im Blick");
        await _app.StartAsync(sent);
        var problems = await CheckAsync(context,
            "/admin/newsletter", "/admin/newsletter/bearbeiten", $"/admin/newsletter/bearbeiten/{draft}", $"/admin/newsletter/versand/{sent}",
            "/admin/newsletter/import", "/admin/newsletter/sperrliste", "/admin/newsletter/zustellbarkeit", "/admin/newsletter/themen", "/admin/newsletter/erneuerung",
            "/admin", "/admin/artikel", "/admin/themen", "/admin/autoren", "/admin/artikel/bearbeiten", "/admin/artikel/bearbeiten/1", "/admin/artikel/versionen/1",
            "/admin/artikel/import", "/admin/bilder", "/admin/datenschutz", "/admin/datenschutz/anfragen", "/admin/datenschutz/anfragen/neu", "/admin/protokoll", "/admin/rechtliches", "/admin/rechtliches/impressum");

        // The officer's lookup is a POST (the address stays out of URLs): filled in and sent as a person would,
        // for an address with a subscription, so the page shows what it holds and its actions.
        await _app.SignUpAsync("nachweis@example.de");
        await page.GotoAsync("/admin/datenschutz");
        await page.GetByLabel("E-Mail-Adresse").FillAsync("nachweis@example.de");
        await page.GetByRole(AriaRole.Button, new() { Name = "Gespeicherte Daten suchen" }).ClickAsync();
        await page.WaitForSelectorAsync("#found-heading");
        problems.AddRange((await BrowserFixture.SeriousAccessibilityProblemsAsync(page)).Select(p => $"/admin/datenschutz (lookup): {p}"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task The_checker_finds_problems_where_there_are_some()
    {
        await using var context = await browser.NewContextAsync(_baseUrl, forAxe: true);
        var page = await context.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html><head><title>x</title></head><body><main><img src='gold.png'><input type='text'></main></body></html>");

        var problems = await BrowserFixture.SeriousAccessibilityProblemsAsync(page);

        Assert.Contains(problems, p => p.StartsWith("image-alt"));
        Assert.Contains(problems, p => p.StartsWith("label"));
    }

    private static async Task<List<string>> CheckAsync(IBrowserContext context, params string[] urls)
    {
        var problems = new List<string>();
        var page = await context.NewPageAsync();
        foreach (var url in urls)
        {
            await page.GotoAsync(url);
            problems.AddRange((await BrowserFixture.SeriousAccessibilityProblemsAsync(page)).Select(p => $"{url}: {p}"));
        }
        return problems;
    }

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();
}
