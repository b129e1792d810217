using Goldfeder.Tests.Browser;
using Microsoft.Playwright;

namespace Goldfeder.Tests.Deployment;

/// <summary>Chromium pages on the deployed site (self-signed TLS, German), and the login staff do.</summary>
public static class StaffBrowser
{
    public static async Task<IPage> NewPageAsync(this BrowserFixture browser, DeployedSite site, List<string> log)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseUrl, IgnoreHTTPSErrors = true, Locale = "de-DE", ViewportSize = new() { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        page.Console += (_, m) => log.Add("console: " + m.Text);
        page.RequestFailed += (_, r) => log.Add($"failed: {r.Url} {r.Failure}");
        page.Response += (_, r) => log.Add($"{r.Status} {r.Url}");
        return page;
    }

    public static async Task LogInAsync(this IPage page, string email, string password, List<string> log)
    {
        await page.GotoAsync("/admin");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(email);
        await page.GetByLabel("Passwort").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        try { await page.WaitForURLAsync("**/admin"); }
        catch (TimeoutException) { Assert.Fail(string.Join("\n", log) + "\n" + page.Url); }
    }
}
