using Goldfeder.Tests.Browser;
using Goldfeder.Tests.Infrastructure;
using Microsoft.Playwright;
using static Goldfeder.Tests.Infrastructure.NewsletterFixtures;

namespace Goldfeder.Tests.Deployment;

/// <summary>
/// The topics at phone width (390 px) on the published site in Production behind nginx: signup with topics, the
/// preference center reached from the welcome mail, checked by axe, used without script, screenshots for docs/.
/// </summary>
public sealed class PreferenceCenterTests(DeployedSite site, BrowserFixture browser) : IClassFixture<DeployedSite>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task At_phone_width_a_reader_picks_topics_changes_them_pauses_and_objects_and_axe_finds_nothing_serious()
    {
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseUrl, IgnoreHTTPSErrors = true, Locale = "de-DE", BypassCSP = true, JavaScriptEnabled = false,
            ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        var page = await context.NewPageAsync();
        // The reader's browser runs no script; axe needs one, so it looks at the same address in a second browser
        // (a GET, which changes nothing: that the pages look the same afterwards is part of the test).
        await using var axeContext = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseUrl, IgnoreHTTPSErrors = true, Locale = "de-DE", BypassCSP = true, ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true,
        });
        var axePage = await axeContext.NewPageAsync();
        var problems = new List<string>();
        async Task Check(string what)
        {
            await axePage.GotoAsync(page.Url);
            problems.AddRange((await BrowserFixture.SeriousAccessibilityProblemsAsync(axePage)).Select(p => $"{what}: {p}"));
        }

        // The signup page offers the topics, none ticked.
        await page.GotoAsync("/newsletter");
        Assert.Equal(3, await page.Locator(".newsletter-topics input[type=checkbox]").CountAsync());
        Assert.Equal(0, await page.Locator(".newsletter-topics input:checked").CountAsync());
        await page.GetByLabel("E-Mail-Adresse").FillAsync("telefon@example.de");
        await page.GetByLabel("Marktberichte").CheckAsync();
        await page.GetByLabel("Sonderangebote").CheckAsync();
        await Screenshot(page, "newsletter-topics-phone.png");
        await page.GetByRole(AriaRole.Button, new() { Name = "Abschicken" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fast geschafft!" })).ToBeVisibleAsync();

        // Without script the confirmation page's button confirms.
        await page.GotoAsync(PathOf(LinkIn((await site.Smtp.WaitForAsync("telefon@example.de")).Single(), "/newsletter/bestaetigen")));
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmeldung bestätigen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vielen Dank!" })).ToBeVisibleAsync();

        // The welcome mail's personal link opens the preference center with her two topics.
        var link = LinkIn((await site.Smtp.WaitForAsync("telefon@example.de", 2))[1], "/newsletter/einstellungen");
        Assert.StartsWith(site.BaseUrl + "/", link);
        await page.GotoAsync(PathOf(link));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ihre Newsletter-Einstellungen" })).ToBeVisibleAsync();
        Assert.True(await page.GetByLabel("Marktberichte").IsCheckedAsync());
        Assert.False(await page.GetByLabel("Produktneuheiten").IsCheckedAsync());
        Assert.True(await page.GetByLabel("Sonderangebote").IsCheckedAsync());
        Assert.Equal(390, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));
        await Check("preference center");
        await Screenshot(page, "preference-center-phone.png");

        await page.GetByLabel("Sonderangebote").UncheckAsync();
        await page.GetByLabel("Produktneuheiten").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Themen speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Ihre Themen sind gespeichert.")).ToBeVisibleAsync();
        Assert.True(await page.GetByLabel("Produktneuheiten").IsCheckedAsync());
        Assert.False(await page.GetByLabel("Sonderangebote").IsCheckedAsync());

        await page.GetByLabel("Keine E-Mails für").SelectOptionAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Pausieren" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pausiert" })).ToBeVisibleAsync();
        await Check("preference center, paused");
        await Screenshot(page, "preference-center-paused-phone.png");

        await page.GetByRole(AriaRole.Button, new() { Name = "Allen Werbe-E-Mails widersprechen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sie sind abgemeldet" })).ToBeVisibleAsync();
        await Check("after the objection");

        // A link that is not ours: a German error page, also checked.
        await page.GotoAsync(PathOf(link)[..^2] + "xx");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Link ungültig" })).ToBeVisibleAsync();
        await Check("tampered link");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task Screenshot(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("GOLDFEDER_SCREENSHOTS");
        if (folder is not null) await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name), FullPage = true });
    }
}
