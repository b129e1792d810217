using Goldfeder.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Goldfeder.Tests.Browser;

/// <summary>axe-core over the careers pages, public and HR's, including the form showing its errors.</summary>
public sealed class CareersAccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private GoldfederApp _app = null!;
    private string _baseUrl = "";
    private string _files = "";

    public Task InitializeAsync()
    {
        var (settings, folder) = CareersFixtures.Settings();
        _files = folder;
        _app = GoldfederApp.With(settings).OnKestrel();
        _app.StartServer();
        _baseUrl = _app.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Careers_pages_have_no_serious_accessibility_problems()
    {
        await using var context = await browser.NewContextAsync(_baseUrl, forAxe: true);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        foreach (var url in new[] { "/karriere", $"/karriere/{CareersFixtures.Advisor}", "/karriere/danke" })
        {
            await page.GotoAsync(url);
            problems.AddRange((await BrowserFixture.SeriousAccessibilityProblemsAsync(page)).Select(p => $"{url}: {p}"));
        }

        // The form after a refused submission (a file that is no PDF): errors announced, fields marked.
        await page.GotoAsync($"/karriere/{CareersFixtures.Advisor}");
        await page.GetByLabel("Vor- und Nachname").FillAsync("Erika Mustermann");
        await page.GetByLabel("E-Mail-Adresse").FillAsync("erika@example.de");
        await page.GetByLabel("Lebenslauf (PDF)").SetInputFilesAsync(new FilePayload { Name = "lebenslauf.pdf", MimeType = "application/pdf", Buffer = "MZ not a pdf"u8.ToArray() });
        await page.Locator("#bewerbung-datenschutz").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Bewerbung absenden" }).ClickAsync();
        await page.Locator(".form-errors").WaitForAsync();
        Assert.Contains("ist kein PDF", await page.Locator(".form-errors").InnerTextAsync());
        Assert.Equal("Erika Mustermann", await page.GetByLabel("Vor- und Nachname").InputValueAsync());
        problems.AddRange((await BrowserFixture.SeriousAccessibilityProblemsAsync(page)).Select(p => $"form with errors: {p}"));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task A_browser_uploading_too_much_sees_the_german_page_not_a_reset_connection()
    {
        await using var context = await browser.NewContextAsync(_baseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/karriere/{CareersFixtures.Advisor}");
        await page.GetByLabel("Vor- und Nachname").FillAsync("Erika Mustermann");
        await page.GetByLabel("E-Mail-Adresse").FillAsync("erika@example.de");
        // From a file on disk, as a person picks it: the browser reads it itself (a 30 MB buffer would crawl through Playwright's pipe as base64).
        var huge = new byte[30 * 1024 * 1024];
        CareersFixtures.Pdf().CopyTo(huge, 0);
        var hugeFile = Path.Combine(_files + "-upload", "riesig.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(hugeFile)!);
        await File.WriteAllBytesAsync(hugeFile, huge);
        await page.GetByLabel("Lebenslauf (PDF)").SetInputFilesAsync(hugeFile);
        await page.Locator("#bewerbung-datenschutz").CheckAsync();
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Bewerbung absenden" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith($"/karriere/{CareersFixtures.Advisor}"));
        Assert.Equal(413, response.Status);
        await page.Locator(".form-errors").WaitForAsync();
        Assert.Contains("Ihre Bewerbung ist zu groß", await page.Locator(".form-errors").InnerTextAsync());
        Assert.Empty(CareersFixtures.StoredFiles(_files));
    }

    [Fact]
    public async Task Hr_pages_have_no_serious_accessibility_problems()
    {
        await _app.CreateAccountAsync("personal@example.de", "HR", "Personal-Passwort-123");
        await using var context = await browser.NewContextAsync(_baseUrl, forAxe: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/anmelden");
        await page.GetByLabel("E-Mail-Adresse").FillAsync("personal@example.de");
        await page.GetByLabel("Passwort").FillAsync("Personal-Passwort-123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await page.ArrivedAsync("**/admin");

        var problems = new List<string>();
        foreach (var url in new[] { "/admin/karriere", "/admin/karriere/bearbeiten", "/admin/karriere/bearbeiten/1", "/admin/karriere/1/bewerbungen", "/admin/karriere/vorlagen" })
        {
            await page.GotoAsync(url);
            problems.AddRange((await BrowserFixture.SeriousAccessibilityProblemsAsync(page)).Select(p => $"{url}: {p}"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        if (Directory.Exists(_files)) Directory.Delete(_files, true);
        if (Directory.Exists(_files + "-upload")) Directory.Delete(_files + "-upload", true);
    }
}
