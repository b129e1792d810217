using Goldfeder.Features.Staff;
using Goldfeder.Tests.Browser;
using Microsoft.Playwright;
using static Goldfeder.Tests.Deployment.StaffBrowser;

namespace Goldfeder.Tests.Deployment;

/// <summary>The Admin manages accounts in the browser: invites, changes roles, disables and enables; the last Admin stays.</summary>
public sealed class StaffAccountAdminTests(DeployedSite site, BrowserFixture browser) : IClassFixture<DeployedSite>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_invited_colleague_sets_a_password_through_the_link_once_and_logs_in_with_the_invited_role()
    {
        await using var admin = await ContextAsync(browser, site);
        var page = await LoginAsync(admin, DeployedSite.AdminEmail, DeployedSite.AdminPassword);
        await page.GotoAsync("/admin/konten");
        await AssertNoSeriousAccessibilityProblemsAsync(page);
        await page.GetByLabel("E-Mail-Adresse").FillAsync("neu.redaktion@example.de");
        await page.GetByLabel("Redaktion").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Einladung senden" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Die Einladung an neu.redaktion@example.de ist unterwegs.")).ToBeVisibleAsync();
        var row = page.Locator("tr", new() { HasText = "neu.redaktion@example.de" });
        await Assertions.Expect(row).ToContainTextAsync("Eingeladen");
        await Assertions.Expect(row).ToContainTextAsync("noch nie");
        await Assertions.Expect(page.Locator("tr", new() { HasText = DeployedSite.AdminEmail })).Not.ToContainTextAsync("noch nie");
        await ScreenshotAsync(page, "admin-accounts.png");

        var link = await LinkFromMailAsync(site.Smtp, "neu.redaktion@example.de", "/admin/einladung");
        await using var colleague = await ContextAsync(browser, site);
        var invited = await colleague.NewPageAsync();
        await invited.GotoAsync(link);
        await AssertNoSeriousAccessibilityProblemsAsync(invited);
        await invited.GetByLabel("Neues Passwort", new() { Exact = true }).FillAsync("Redaktion-Neu-2026");
        await invited.GetByLabel("Neues Passwort wiederholen").FillAsync("Redaktion-Neu-2027");
        await invited.GetByRole(AriaRole.Button, new() { Name = "Passwort festlegen" }).ClickAsync();
        await Assertions.Expect(invited.Locator(".form-error").First).ToContainTextAsync("nicht überein");
        await SetPasswordAsync(invited, "Redaktion-Neu-2026");
        await invited.ArrivedAsync("**/admin/anmelden?hinweis=passwort");

        var loggedIn = await LoginAsync(colleague, "neu.redaktion@example.de", "Redaktion-Neu-2026");
        await Assertions.Expect(loggedIn.Locator("nav.admin-nav")).ToContainTextAsync("Artikel");
        var forbidden = await loggedIn.GotoAsync("/admin/konten");
        Assert.Equal(403, forbidden!.Status);

        // The link works once.
        var again = await invited.GotoAsync(link);
        Assert.Equal(400, again!.Status);
        await Assertions.Expect(invited.Locator(".form-error")).ToContainTextAsync("abgelaufen, wurde schon benutzt");

        await page.GotoAsync("/admin/protokoll");
        // Other tests of this class invite people too: the entries about this colleague are the ones to find.
        var entries = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "neu.redaktion@example.de" });
        await Assertions.Expect(entries.GetByText("Konto eingeladen")).ToBeVisibleAsync();
        await Assertions.Expect(entries.GetByText("Einladung angenommen")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_disabled_account_loses_its_session_and_cannot_log_in_until_it_is_enabled_again()
    {
        var created = await site.RunAsync("Marketing-Konto-2026\n", "admin", "create", "--email", "marketing.sperre@example.de", "--role", "Marketing");
        Assert.True(created.Code == 0, created.Error);
        await using var user = await ContextAsync(browser, site);
        var userPage = await LoginAsync(user, "marketing.sperre@example.de", "Marketing-Konto-2026");

        await using var admin = await ContextAsync(browser, site);
        var page = await LoginAsync(admin, DeployedSite.AdminEmail, DeployedSite.AdminPassword);
        await page.GotoAsync("/admin/konten");
        await page.GetByRole(AriaRole.Link, new() { Name = "marketing.sperre@example.de" }).ClickAsync();
        await AssertNoSeriousAccessibilityProblemsAsync(page);
        await ScreenshotAsync(page, "admin-account.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Konto deaktivieren" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("deaktiviert");

        await userPage.GotoAsync("/admin/newsletter");
        await userPage.ArrivedAsync("**/admin/anmelden**");
        await userPage.GetByLabel("E-Mail-Adresse").FillAsync("marketing.sperre@example.de");
        await userPage.GetByLabel("Passwort", new() { Exact = true }).FillAsync("Marketing-Konto-2026");
        await userPage.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await Assertions.Expect(userPage.Locator(".form-error")).ToContainTextAsync("Die Anmeldung ist fehlgeschlagen");

        await page.GetByRole(AriaRole.Button, new() { Name = "Konto wieder aktivieren" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("wieder aktiv");
        await LoginAsync(user, "marketing.sperre@example.de", "Marketing-Konto-2026");

        // Roles: Marketing becomes HR; the session with the old role ends, the new one opens Karriere.
        await page.GetByLabel("Marketing").UncheckAsync();
        await page.GetByLabel("Personal").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Rollen speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Rollen sind gespeichert");
        var hr = await LoginAsync(user, "marketing.sperre@example.de", "Marketing-Konto-2026");
        Assert.Equal(200, (await hr.GotoAsync("/admin/karriere"))!.Status);
        Assert.Equal(403, (await hr.GotoAsync("/admin/newsletter"))!.Status);
    }

    [Fact]
    public async Task The_last_active_Admin_can_neither_be_disabled_nor_demoted()
    {
        await using var admin = await ContextAsync(browser, site);
        var page = await LoginAsync(admin, DeployedSite.AdminEmail, DeployedSite.AdminPassword);
        await page.GotoAsync("/admin/konten");
        await page.GetByRole(AriaRole.Link, new() { Name = DeployedSite.AdminEmail }).ClickAsync();
        var own = page.Url;

        await page.GetByRole(AriaRole.Button, new() { Name = "Konto deaktivieren" }).ClickAsync();
        await Assertions.Expect(page.Locator(".form-error")).ToContainTextAsync(StaffAccounts.LastAdmin);
        await page.GetByLabel("Administration").UncheckAsync();
        await page.GetByLabel("Redaktion").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Rollen speichern" }).ClickAsync();
        await Assertions.Expect(page.Locator(".form-error")).ToContainTextAsync(StaffAccounts.LastAdmin);

        // An invited Admin who has not set a password yet is not active: still the last one.
        await page.GotoAsync("/admin/konten");
        await page.GetByLabel("E-Mail-Adresse").FillAsync("zweite.chefin@example.de");
        await page.GetByLabel("Administration").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Einladung senden" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("ist unterwegs");
        await page.GotoAsync(own);
        await page.GetByRole(AriaRole.Button, new() { Name = "Konto deaktivieren" }).ClickAsync();
        await Assertions.Expect(page.Locator(".form-error")).ToContainTextAsync(StaffAccounts.LastAdmin);

        // With a second active Admin, the second can be disabled (the first remains), and then the first is the last again.
        var created = await site.RunAsync("Zweiter-Admin-2026\n", "admin", "create", "--email", "zweiter.admin@example.de", "--role", "Admin");
        Assert.True(created.Code == 0, created.Error);
        await page.GotoAsync("/admin/konten");
        await page.GetByRole(AriaRole.Link, new() { Name = "zweiter.admin@example.de" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Konto deaktivieren" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("deaktiviert");
        await page.GotoAsync(own);
        await page.GetByRole(AriaRole.Button, new() { Name = "Konto deaktivieren" }).ClickAsync();
        await Assertions.Expect(page.Locator(".form-error")).ToContainTextAsync(StaffAccounts.LastAdmin);
        Assert.Equal(200, (await page.GotoAsync("/admin/konten"))!.Status);
    }

    [Fact]
    public async Task The_admin_has_its_own_navigation_a_dashboard_per_role_and_fits_a_phone()
    {
        await using var admin = await ContextAsync(browser, site);
        var page = await LoginAsync(admin, DeployedSite.AdminEmail, DeployedSite.AdminPassword);
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Verwaltung" })).ToHaveCountAsync(1);
        foreach (var card in new[] { "Redaktion", "Newsletter", "Karriere", "Datenschutz" })
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = card, Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".dashboard")).ToContainTextAsync("0 bestätigte Abonnenten");
        await AssertNoSeriousAccessibilityProblemsAsync(page);
        await ScreenshotAsync(page, "admin-dashboard.png");
        var icon = await page.Locator("link[rel=icon]").GetAttributeAsync("href");
        Assert.Equal(200, (await admin.APIRequest.GetAsync(icon!)).Status);

        await page.SetViewportSizeAsync(390, 844);
        foreach (var path in new[] { "/admin", "/admin/konten", "/admin/konto", "/admin/protokoll", "/admin/artikel", "/admin/newsletter", "/admin/karriere", "/admin/datenschutz", "/admin/bilder", "/admin/rechtliches" })
        {
            await page.GotoAsync(path);
            await AssertFitsWidthAsync(page);
        }
        await page.GotoAsync("/admin");
        await ScreenshotAsync(page, "admin-dashboard-phone.png");

        // The audit log names every action in German; the code is only its tooltip.
        await page.GotoAsync("/admin/konten");
        await page.GetByLabel("E-Mail-Adresse").FillAsync("protokoll@example.de");
        await page.GetByLabel("Redaktion").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Einladung senden" }).ClickAsync();
        await page.GotoAsync("/admin/protokoll");
        var actions = await page.Locator("tbody td:nth-child(3)").AllInnerTextsAsync();
        Assert.NotEmpty(actions);
        Assert.All(actions, a => Assert.DoesNotMatch(@"^[a-z]+\.[a-z.-]+$", a));
    }

    [Fact]
    public async Task An_editor_sees_only_the_editorial_part_of_the_dashboard()
    {
        var created = await site.RunAsync("Redaktion-Konto-2026\n", "admin", "create", "--email", "nur.redaktion@example.de", "--role", "Editor");
        Assert.True(created.Code == 0, created.Error);
        await using var editor = await ContextAsync(browser, site);
        var page = await LoginAsync(editor, "nur.redaktion@example.de", "Redaktion-Konto-2026");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Redaktion", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".dashboard-card")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Konten" })).ToHaveCountAsync(0);
    }
}
