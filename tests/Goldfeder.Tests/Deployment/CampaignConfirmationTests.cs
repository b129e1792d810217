using System.Net.Http.Json;
using System.Text.Json;
using Goldfeder.Tests.Browser;
using Microsoft.Playwright;
using static Goldfeder.Tests.Deployment.StaffBrowser;

namespace Goldfeder.Tests.Deployment;

/// <summary>"Jetzt an alle senden" asks first, with the subject and the number of recipients, and works without script.</summary>
public sealed class CampaignConfirmationTests(DeployedSite site, BrowserFixture browser) : IClassFixture<DeployedSite>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Sending_to_everyone_asks_with_subject_and_recipient_count_and_the_progress_page_ends_in_the_final_state()
    {
        // One confirmed subscriber, signed up and confirmed the way a reader does.
        await using var reader = await ContextAsync(browser, site);
        var home = await reader.NewPageAsync();
        await home.GotoAsync("/newsletter");
        await home.Locator("#newsletter-email").FillAsync("leserin@example.de");
        await home.GetByRole(AriaRole.Button, new() { Name = "Abschicken" }).ClickAsync();
        await home.GotoAsync(await LinkFromMailAsync(site.Smtp, "leserin@example.de", "/newsletter/bestaetigen"));

        using var client = site.Client();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/campaigns")
        {
            Content = JsonContent.Create(new { subject = "Silber im Blick", bodyMarkdown = "Der Silberpreis steigt.", includeDigest = false }),
        };
        request.Headers.Add("X-Api-Key", DeployedSite.ApiKey);
        var created = await client.SendAsync(request);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();

        // Without script: the confirmation is a page and a form.
        await using var noScript = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl, IgnoreHTTPSErrors = true, Locale = "de-DE", JavaScriptEnabled = false });
        var page = await LoginAsync(noScript, DeployedSite.AdminEmail, DeployedSite.AdminPassword);
        await page.GotoAsync($"/admin/newsletter/bearbeiten/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Jetzt an alle senden" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Silber im Blick");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("1 bestätigter Abonnent");
        await ScreenshotAsync(page, "campaign-confirm.png");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nein, zurück zum Newsletter" }).ClickAsync();
        await page.ArrivedAsync($"**/admin/newsletter/bearbeiten/{id}");
        Assert.DoesNotContain(site.Smtp.Received, m => m.Subject == "Silber im Blick");

        await using var admin = await ContextAsync(browser, site);
        var withScript = await LoginAsync(admin, DeployedSite.AdminEmail, DeployedSite.AdminPassword);
        await withScript.GotoAsync($"/admin/newsletter/senden/{id}");
        await AssertNoSeriousAccessibilityProblemsAsync(withScript);
        await withScript.GetByRole(AriaRole.Button, new() { Name = "Ja, an 1 Empfänger senden" }).ClickAsync();
        await withScript.ArrivedAsync($"**/admin/newsletter/versand/{id}");
        await site.Smtp.WaitForSubjectAsync("Silber im Blick", 1);
        // However quickly the send ended, the page comes to its final state by itself.
        await Assertions.Expect(withScript.Locator("[data-field=statusLabel]")).ToHaveTextAsync("versandt", new() { Timeout = 20_000 });
        await Assertions.Expect(withScript.GetByRole(AriaRole.Button, new() { Name = "Anhalten" })).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await Assertions.Expect(withScript.Locator("dt span[title*='SMTP']").First).ToBeVisibleAsync();

        await Assertions.Expect(withScript.Locator("main")).Not.ToContainTextAsync("SMTP 250");
    }
}
