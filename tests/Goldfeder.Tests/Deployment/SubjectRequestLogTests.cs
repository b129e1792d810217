using System.Globalization;
using Goldfeder.Tests.Browser;
using Microsoft.Playwright;
using static Goldfeder.Tests.Deployment.StaffBrowser;

namespace Goldfeder.Tests.Deployment;

/// <summary>
/// The data-protection officer's log of requests from data subjects, on the published site in Production over HTTPS:
/// recorded, counted on the dashboard while open, closed; and one past its deadline (Art. 12(3) GDPR) marked in words.
/// </summary>
public sealed class SubjectRequestLogTests(DeployedSite site, BrowserFixture browser) : IClassFixture<DeployedSite>, IClassFixture<BrowserFixture>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")));

    [Fact]
    public async Task The_officer_records_a_request_sees_it_open_on_the_dashboard_and_closes_it()
    {
        await using var officer = await OfficerAsync("dsb-anfragen@example.de");
        var page = await LoginAsync(officer, "dsb-anfragen@example.de", Password);
        var card = page.Locator("[data-open-requests]");
        await Assertions.Expect(card).ToContainTextAsync("Keine offene Anfrage.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Zur Liste der Anfragen" }).ClickAsync();
        await AssertNoSeriousAccessibilityProblemsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Neue Anfrage erfassen" }).ClickAsync();

        // Without a name or an address the form says so and keeps what was typed.
        await page.GetByLabel("Art der Anfrage").SelectOptionAsync("Access");
        await page.GetByLabel("Eingegangen per").SelectOptionAsync("Post");
        await page.GetByLabel("Notiz").FillAsync("Brief vom Wochenende, Az. 7/26");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anfrage speichern" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Name-error")).ToHaveTextAsync("Bitte geben Sie den Namen oder die E-Mail-Adresse der Person an, so wie sie sie genannt hat.");
        await Assertions.Expect(page.GetByLabel("Notiz")).ToHaveValueAsync("Brief vom Wochenende, Az. 7/26");
        await Assertions.Expect(page.GetByLabel("Art der Anfrage")).ToHaveValueAsync("Access");
        await AssertNoSeriousAccessibilityProblemsAsync(page);

        await page.GetByLabel("Name der Person").FillAsync("Erika Mustermann");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anfrage speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Die Anfrage ist erfasst.");
        await Assertions.Expect(page.Locator("[data-request-state]")).ToHaveTextAsync($"Offen, Frist bis {German(Today.AddMonths(1))}.");
        var requestUrl = page.Url;
        await AssertNoSeriousAccessibilityProblemsAsync(page);

        await page.GotoAsync("/admin");
        await Assertions.Expect(card).ToContainTextAsync("1 offene Anfrage.");
        await Assertions.Expect(card).Not.ToContainTextAsync("überfällig");
        await AssertNoSeriousAccessibilityProblemsAsync(page);

        await page.GotoAsync(requestUrl);
        await page.GetByLabel("Status").SelectOptionAsync("Done");
        await page.GetByLabel("Was getan wurde").FillAsync("Auskunft per Post versandt.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Gespeichert.");
        await Assertions.Expect(page.Locator("[data-request-state]")).ToHaveTextAsync($"Erledigt am {German(Today)}.");

        await page.GotoAsync("/admin");
        await Assertions.Expect(card).ToContainTextAsync("Keine offene Anfrage.");
        await page.GotoAsync("/admin/protokoll");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Anfrage von Betroffenen erledigt");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Erika Mustermann");
    }

    [Fact]
    public async Task A_request_received_more_than_a_month_ago_and_still_open_is_marked_overdue_in_words()
    {
        await using var officer = await OfficerAsync("dsb-frist@example.de");
        var page = await LoginAsync(officer, "dsb-frist@example.de", Password);
        await page.GotoAsync("/admin/datenschutz");
        await page.GetByRole(AriaRole.Link, new() { Name = "Anfragen von Betroffenen" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Neue Anfrage erfassen" }).ClickAsync();
        var received = Today.AddMonths(-1).AddDays(-1);
        await page.GetByLabel("Eingegangen am").FillAsync(received.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Art der Anfrage").SelectOptionAsync("Erasure");
        await page.GetByLabel("Eingegangen per").SelectOptionAsync("Email");
        await page.GetByLabel("E-Mail-Adresse der Person").FillAsync("spaet@example.de");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anfrage speichern" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-request-state]")).ToHaveTextAsync($"Überfällig: Die Frist endete am {German(received.AddMonths(1))}.");
        var requestUrl = page.Url;

        await page.GotoAsync("/admin/datenschutz/anfragen");
        var row = page.Locator("tr[data-request]", new() { HasText = "spaet@example.de" });
        await Assertions.Expect(row.Locator("[data-status]")).ToHaveTextAsync($"Überfällig seit {German(received.AddMonths(1).AddDays(1))}");
        await AssertNoSeriousAccessibilityProblemsAsync(page);
        await page.GotoAsync("/admin");
        await Assertions.Expect(page.Locator("[data-open-requests]")).ToContainTextAsync("1 offene Anfrage, davon 1 überfällig");

        // Extended by two months with a reason, it is no longer overdue; closed as rejected, it leaves the count.
        await page.GotoAsync(requestUrl);
        await page.GetByLabel("Frist um zwei Monate verlängert").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await Assertions.Expect(page.Locator("#ExtensionReason-error")).ToContainTextAsync("braucht eine Begründung");
        await page.GetByLabel("Begründung der Verlängerung").FillAsync("Daten aus dem Archiv nötig.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-request-state]")).ToHaveTextAsync($"Offen, Frist bis {German(received.AddMonths(3))} (verlängert).");
        await page.GetByLabel("Status").SelectOptionAsync("Rejected");
        await page.GetByLabel("Was getan wurde").FillAsync("Identität nicht nachgewiesen.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-request-state]")).ToHaveTextAsync($"Abgelehnt am {German(Today)}.");
        await page.GotoAsync("/admin");
        await Assertions.Expect(page.Locator("[data-open-requests]")).ToContainTextAsync("Keine offene Anfrage.");
    }

    private const string Password = "Datenschutz-Passwort-2026";

    private async Task<IBrowserContext> OfficerAsync(string email)
    {
        var created = await site.RunAsync(Password + "\n", "admin", "create", "--email", email, "--role", "DataProtection");
        Assert.True(created.Code == 0, created.Error);
        return await ContextAsync(browser, site);
    }

    private static string German(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
}
