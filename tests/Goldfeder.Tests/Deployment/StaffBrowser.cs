using System.Text.RegularExpressions;
using Goldfeder.Tests.Browser;
using Goldfeder.Tests.Infrastructure;
using Microsoft.Playwright;
using OtpNet;

namespace Goldfeder.Tests.Deployment;

/// <summary>What the staff-account tests do in the browser, on the published site over HTTPS.</summary>
public static class StaffBrowser
{
    public static Task<IBrowserContext> ContextAsync(BrowserFixture browser, DeployedSite site) =>
        // CSP is bypassed only so that axe's script can be injected; the pages are the site's own.
        browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl, IgnoreHTTPSErrors = true, Locale = "de-DE", BypassCSP = true, ViewportSize = new() { Width = 1280, Height = 900 } });

    public static async Task<IPage> LoginAsync(IBrowserContext context, string email, string password, string expectUrl = "**/admin")
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/anmelden");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(email);
        await page.GetByLabel("Passwort", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await page.ArrivedAsync(expectUrl);
        return page;
    }

    /// <summary>The one link to this path in the newest mail to the address, waited for at the test SMTP server.</summary>
    public static async Task<string> LinkFromMailAsync(TestSmtpServer smtp, string address, string path, int count = 1)
    {
        var mails = await smtp.WaitForAsync(address, count);
        var text = mails[^1].TextBody ?? "";
        var match = Regex.Match(text, $@"https://\S+{Regex.Escape(path)}\?\S+");
        Assert.True(match.Success, $"no {path} link in: {text}");
        return match.Value;
    }

    public static async Task SetPasswordAsync(IPage page, string password)
    {
        await page.GetByLabel("Neues Passwort", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Neues Passwort wiederholen").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Passwort festlegen" }).ClickAsync();
    }

    /// <summary>The current code for a key as the setup page shows it (Otp.NET: RFC 6238, SHA-1, 30 s, 6 digits, like the apps).</summary>
    public static string Totp(string shownKey) =>
        new Totp(Base32Encoding.ToBytes(shownKey.Replace(" ", "").ToUpperInvariant())).ComputeTotp();

    public static async Task AssertNoSeriousAccessibilityProblemsAsync(IPage page)
    {
        var problems = await BrowserFixture.SeriousAccessibilityProblemsAsync(page);
        Assert.True(problems.Count == 0, page.Url + ":\n" + string.Join("\n", problems));
    }

    /// <summary>No sideways scrolling: the page is no wider than the viewport.</summary>
    public static async Task AssertFitsWidthAsync(IPage page)
    {
        var (scroll, client) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("document.documentElement.clientWidth"));
        Assert.True(scroll <= client, $"{page.Url} scrolls sideways: {scroll} px wide in a {client} px window");
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("GOLDFEDER_SCREENSHOTS");
        if (folder is not null) await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name), FullPage = true });
    }
}
