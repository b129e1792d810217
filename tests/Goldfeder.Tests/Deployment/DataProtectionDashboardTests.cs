using Goldfeder.Tests.Browser;
using Goldfeder.Tests.Infrastructure;
using Microsoft.Playwright;
using static Goldfeder.Tests.Deployment.StaffBrowser;

namespace Goldfeder.Tests.Deployment;

/// <summary>
/// The published site with periods of zero (a rejected application and an unconfirmed signup are due for deletion at
/// once) and deletion jobs that wait a day, so that what is due stays visible.
/// </summary>
public sealed class DueAtOnceSite() : DeployedSite(1, redis: false, new()
{
    ["Careers:RetentionMonths"] = "0",
    ["Careers:RetentionInterval"] = "1.00:00:00",
    ["Newsletter:DeleteUnconfirmedAfter"] = "00:00:01",
    ["Newsletter:CleanupInterval"] = "1.00:00:00",
});

/// <summary>The data-protection officer's dashboard card (and HR's, for applications) counts what is due for deletion and not yet deleted.</summary>
public sealed class DataProtectionDashboardTests(DueAtOnceSite site, BrowserFixture browser) : IClassFixture<DueAtOnceSite>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_officer_sees_a_rejected_application_and_an_unconfirmed_signup_that_wait_for_deletion()
    {
        var created = await site.RunAsync("Datenschutz-Passwort-2026\n", "admin", "create", "--email", "dsb@example.de", "--role", "DataProtection");
        Assert.True(created.Code == 0, created.Error);
        await using var officer = await ContextAsync(browser, site);
        var dashboard = await LoginAsync(officer, "dsb@example.de", "Datenschutz-Passwort-2026");
        var due = dashboard.Locator("[data-due-deletions]");
        await Assertions.Expect(due).ToHaveTextAsync("Keine: Was seine Frist überschritten hat, ist gelöscht.");

        // An applicant applies and HR rejects; a reader signs up and never confirms.
        using var client = site.Client();
        var applied = await client.PostAsync($"/karriere/{CareersFixtures.Advisor}", CareersFixtures.Form(email: "abgelehnt@example.de", files: [new("lebenslauf", "cv.pdf", CareersFixtures.Pdf())]));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, applied.StatusCode);
        await using var hr = await ContextAsync(browser, site);
        var page = await LoginAsync(hr, DeployedSite.AdminEmail, DeployedSite.AdminPassword);
        await page.Locator("a[href^='/admin/karriere/bewerbung/']").First.ClickAsync();
        await page.GetByLabel("Status").SelectOptionAsync("Rejected");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Status")).ToHaveValueAsync("Rejected");
        await page.GotoAsync("/newsletter");
        await page.Locator("#newsletter-email").FillAsync("unbestaetigt@example.de");
        await page.GetByRole(AriaRole.Button, new() { Name = "Abschicken" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fast geschafft!" })).ToBeVisibleAsync();

        // One second later the signup is due too; the card names both, with their rules.
        await Eventually.TrueAsync(async () =>
        {
            await dashboard.ReloadAsync();
            return (await due.InnerTextAsync()).Contains("unbestätigte");
        }, TimeSpan.FromSeconds(20), "the unconfirmed signup never showed as due");
        await Assertions.Expect(due).ToContainTextAsync("1 Bewerbung (Frist: 0 Monate nach Absage oder Ende der Stelle)");
        await Assertions.Expect(due).ToContainTextAsync("1 unbestätigte Newsletter-Anmeldung (Frist: nach 0 Tagen ohne Bestätigung)");
        await Assertions.Expect(dashboard.Locator("main")).ToContainTextAsync("Bitte geben Sie der Technik Bescheid");
        await AssertNoSeriousAccessibilityProblemsAsync(dashboard);

        // HR, who can delete an application at once, sees the same on the careers card.
        await page.GotoAsync("/admin");
        await Assertions.Expect(page.Locator("[data-due-applications]")).ToContainTextAsync("1 Bewerbung nach Ablauf der Aufbewahrungsfrist (0 Monate nach Absage oder Ende der Stelle) noch nicht gelöscht.");
    }
}
