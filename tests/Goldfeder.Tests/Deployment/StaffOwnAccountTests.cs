using Goldfeder.Tests.Browser;
using Microsoft.Playwright;
using static Goldfeder.Tests.Deployment.StaffBrowser;

namespace Goldfeder.Tests.Deployment;

/// <summary>What every member of staff does for their own account: a forgotten password, a new one, two-factor login.</summary>
public sealed class StaffOwnAccountTests(DeployedSite site, BrowserFixture browser) : IClassFixture<DeployedSite>, IClassFixture<BrowserFixture>
{
    private async Task CreateAsync(string email, string role, string password)
    {
        var created = await site.RunAsync(password + "\n", "admin", "create", "--email", email, "--role", role);
        Assert.True(created.Code == 0, created.Error);
    }

    private static async Task<string> RequestResetAsync(IPage page, string email)
    {
        await page.GotoAsync("/admin/anmelden");
        await page.GetByRole(AriaRole.Link, new() { Name = "Passwort vergessen?" }).ClickAsync();
        await page.GetByLabel("E-Mail-Adresse").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Link anfordern" }).ClickAsync();
        return await page.Locator("main").InnerTextAsync();
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_by_a_mailed_link_that_works_once_and_the_answer_names_no_account()
    {
        await CreateAsync("vergesslich@example.de", "Editor", "Altes-Passwort-2026");
        await using var context = await ContextAsync(browser, site);
        var page = await context.NewPageAsync();

        var unknown = await RequestResetAsync(page, "niemand@example.de");
        await AssertNoSeriousAccessibilityProblemsAsync(page);
        var known = await RequestResetAsync(page, "vergesslich@example.de");
        Assert.Equal(unknown.Replace("niemand@example.de", "ADRESSE"), known.Replace("vergesslich@example.de", "ADRESSE"));

        var link = await LinkFromMailAsync(site.Smtp, "vergesslich@example.de", "/admin/passwort-neu");
        // Requests are mailed in order: the unknown address, asked for first, got nothing.
        Assert.Empty(site.Smtp.To("niemand@example.de"));
        await page.GotoAsync(link);
        await AssertNoSeriousAccessibilityProblemsAsync(page);
        await SetPasswordAsync(page, "Goldbarren-Tresor-2026");
        await page.ArrivedAsync("**/admin/anmelden?hinweis=passwort");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ihr Passwort ist gespeichert");

        Assert.Equal(400, (await page.GotoAsync(link))!.Status);
        await Assertions.Expect(page.Locator(".form-error")).ToContainTextAsync("abgelaufen, wurde schon benutzt");

        await using var other = await ContextAsync(browser, site);
        var old = await other.NewPageAsync();
        await old.GotoAsync("/admin/anmelden");
        await old.GetByLabel("E-Mail-Adresse").FillAsync("vergesslich@example.de");
        await old.GetByLabel("Passwort", new() { Exact = true }).FillAsync("Altes-Passwort-2026");
        await old.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await Assertions.Expect(old.Locator(".form-error")).ToContainTextAsync("Die Anmeldung ist fehlgeschlagen");
        await LoginAsync(other, "vergesslich@example.de", "Goldbarren-Tresor-2026");
    }

    [Fact]
    public async Task Reset_links_are_limited_per_address_whether_or_not_it_has_an_account()
    {
        await using var context = await ContextAsync(browser, site);
        var page = await context.NewPageAsync();
        for (var i = 0; i < 3; i++) Assert.Contains("ist eine E-Mail", await RequestResetAsync(page, "oft@example.de"));
        Assert.Contains("schon mehrere Links angefordert", await RequestResetAsync(page, "oft@example.de"));
        Assert.Contains("ist eine E-Mail", await RequestResetAsync(page, "anders@example.de"));
    }

    [Fact]
    public async Task Staff_change_their_password_and_log_in_with_an_authenticator_code_or_a_recovery_code()
    {
        await CreateAsync("vorsichtig@example.de", "HR", "Erstes-Passwort-2026");
        await using var context = await ContextAsync(browser, site);
        var page = await LoginAsync(context, "vorsichtig@example.de", "Erstes-Passwort-2026");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mein Konto" }).ClickAsync();
        await AssertNoSeriousAccessibilityProblemsAsync(page);
        await page.GetByLabel("Bisheriges Passwort").FillAsync("Falsches-Passwort-2026");
        await page.GetByLabel("Neues Passwort", new() { Exact = true }).FillAsync("Zweites-Passwort-2026");
        await page.GetByLabel("Neues Passwort wiederholen").FillAsync("Zweites-Passwort-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Passwort ändern" }).ClickAsync();
        await Assertions.Expect(page.Locator(".form-error")).ToContainTextAsync("Das bisherige Passwort stimmt nicht");
        await page.GetByLabel("Bisheriges Passwort").FillAsync("Erstes-Passwort-2026");
        await page.GetByLabel("Neues Passwort", new() { Exact = true }).FillAsync("Zweites-Passwort-2026");
        await page.GetByLabel("Neues Passwort wiederholen").FillAsync("Zweites-Passwort-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Passwort ändern" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ihr neues Passwort ist gespeichert");

        await page.GetByRole(AriaRole.Link, new() { Name = "Anmeldung mit Code einrichten" }).ClickAsync();
        await AssertNoSeriousAccessibilityProblemsAsync(page);
        await Assertions.Expect(page.Locator(".qr-code svg")).ToBeVisibleAsync();
        var key = await page.Locator(".totp-key").InnerTextAsync();
        await page.GetByLabel("Code aus der App").FillAsync("000000" == Totp(key) ? "111111" : "000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Einschalten" }).ClickAsync();
        await Assertions.Expect(page.Locator(".form-error")).ToContainTextAsync("Der Code stimmt nicht");
        await page.GetByLabel("Code aus der App").FillAsync(Totp(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Einschalten" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Eingerichtet");
        var recovery = await page.Locator(".recovery-codes code").AllInnerTextsAsync();
        Assert.Equal(10, recovery.Count);

        await using var phone = await ContextAsync(browser, site);
        var codePage = await LoginAsync(phone, "vorsichtig@example.de", "Zweites-Passwort-2026", "**/admin/anmelden/code");
        await AssertNoSeriousAccessibilityProblemsAsync(codePage);
        // Before the code, the account reaches no admin page.
        Assert.Contains("/admin/anmelden", (await (await phone.NewPageAsync()).GotoAsync("/admin/karriere"))!.Url);
        await codePage.GetByLabel("Code").FillAsync("12345678");
        await codePage.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await Assertions.Expect(codePage.Locator(".form-error")).ToContainTextAsync("Der Code stimmt nicht");
        await codePage.GetByLabel("Code").FillAsync(Totp(key));
        await codePage.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await codePage.ArrivedAsync("**/admin");

        await using var lostPhone = await ContextAsync(browser, site);
        var recoveryPage = await LoginAsync(lostPhone, "vorsichtig@example.de", "Zweites-Passwort-2026", "**/admin/anmelden/code");
        await recoveryPage.GetByLabel("Code").FillAsync(recovery[0]);
        await recoveryPage.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await recoveryPage.ArrivedAsync("**/admin");
        await recoveryPage.GotoAsync("/admin/konto");
        await Assertions.Expect(recoveryPage.GetByText("Unbenutzte Wiederherstellungscodes: 9")).ToBeVisibleAsync();

        await using var admin = await ContextAsync(browser, site);
        var log = await LoginAsync(admin, DeployedSite.AdminEmail, DeployedSite.AdminPassword);
        await log.GotoAsync("/admin/protokoll");
        foreach (var label in new[] { "Eigenes Passwort geändert", "Anmeldung mit Code eingeschaltet", "Mit Wiederherstellungscode angemeldet" })
            await Assertions.Expect(log.GetByText(label)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task When_the_Admin_requires_two_factor_login_an_account_without_it_sets_it_up_before_anything_else()
    {
        await CreateAsync("regel.admin@example.de", "Admin", "Regel-Admin-2026");
        await CreateAsync("ohne.code@example.de", "Marketing", "Ohne-Code-2026x");
        await using var admin = await ContextAsync(browser, site);
        var page = await LoginAsync(admin, "regel.admin@example.de", "Regel-Admin-2026");
        // The Admin sets up their own code first: the rule applies to them too.
        await page.GotoAsync("/admin/konto/zwei-faktor");
        var key = await page.Locator(".totp-key").InnerTextAsync();
        await page.GetByLabel("Code aus der App").FillAsync(Totp(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Einschalten" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Eingerichtet");
        await page.GotoAsync("/admin/konten");
        await page.GetByLabel("Für alle Konten verlangen").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Regel für die Anmeldung ist gespeichert");
        try
        {
            await using var colleague = await ContextAsync(browser, site);
            var forced = await LoginAsync(colleague, "ohne.code@example.de", "Ohne-Code-2026x", "**/admin/konto/zwei-faktor?pflicht=ja");
            await Assertions.Expect(forced.GetByText("Die Administration verlangt für alle Konten")).ToBeVisibleAsync();
            await forced.GotoAsync("/admin/newsletter");
            Assert.Contains("/admin/konto/zwei-faktor", forced.Url);
            var own = await forced.Locator(".totp-key").InnerTextAsync();
            await forced.GetByLabel("Code aus der App").FillAsync(Totp(own));
            await forced.GetByRole(AriaRole.Button, new() { Name = "Einschalten" }).ClickAsync();
            await Assertions.Expect(forced.GetByRole(AriaRole.Status)).ToContainTextAsync("Eingerichtet");
            Assert.Equal(200, (await forced.GotoAsync("/admin/newsletter"))!.Status);
            Assert.EndsWith("/admin/newsletter", forced.Url);
        }
        finally
        {
            await page.GotoAsync("/admin/konten");
            await page.GetByLabel("Für alle Konten verlangen").UncheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        }
    }
}
