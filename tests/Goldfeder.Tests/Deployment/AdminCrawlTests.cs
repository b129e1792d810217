using AngleSharp.Html.Parser;
using Goldfeder.Common;
using Goldfeder.Tests.Browser;
using Goldfeder.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Goldfeder.Tests.Deployment;

/// <summary>
/// Every admin page a role can reach, found by following the admin's own links from the dashboard, on the published
/// site in Production over HTTPS: each answers 200, names no page the role may not open, and every POST form carries
/// an antiforgery token (without one, the form fails with 400 in Production).
/// </summary>
public sealed class AdminCrawlTests(DeployedSite site, BrowserFixture browser) : IClassFixture<DeployedSite>, IClassFixture<BrowserFixture>
{
    public static TheoryData<string> EveryRole => new(Roles.All);

    /// <summary>An application and a campaign, so that their detail pages are linked and crawled too.</summary>
    private async Task SomethingInEveryListAsync()
    {
        using var client = site.Client();
        var applied = await client.PostAsync($"/karriere/{CareersFixtures.Advisor}", CareersFixtures.Form(email: "crawl@example.de", files: [new("lebenslauf", "cv.pdf", CareersFixtures.Pdf())]));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, applied.StatusCode);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/campaigns")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { subject = "Goldpreis im Blick", bodyMarkdown = "## Neues\n\nDer Goldpreis steigt.", includeDigest = false }),
        };
        request.Headers.Add("X-Api-Key", DeployedSite.ApiKey);
        var created = await client.SendAsync(request);
        Assert.True(created.StatusCode == System.Net.HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(EveryRole))]
    public async Task Every_admin_page_of_a_role_answers_and_every_form_carries_its_token(string role)
    {
        var email = $"{role.ToLowerInvariant()}@example.de";
        var password = $"Passwort-{role}-2026";
        var created = await site.RunAsync(password + "\n", "admin", "create", "--email", email, "--role", role);
        Assert.True(created.Code == 0, created.Error);
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl, IgnoreHTTPSErrors = true, Locale = "de-DE" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/admin/anmelden");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(email);
        await page.GetByLabel("Passwort").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await page.ArrivedAsync("**/admin");

        await SomethingInEveryListAsync();
        var problems = new List<string>();
        var seen = new HashSet<string> { "/admin" };
        var queue = new Queue<string>(["/admin"]);
        var parser = new HtmlParser();
        while (queue.TryDequeue(out var path) && seen.Count < 200)
        {
            var response = await context.APIRequest.GetAsync(path, new() { MaxRedirects = 0 });
            if (response.Status != 200)
            {
                problems.Add($"{path}: {response.Status}");
                continue;
            }
            if (!(response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html"))) continue;
            var html = parser.ParseDocument(await response.TextAsync());
            foreach (var form in html.QuerySelectorAll("form"))
                if (string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase) && form.QuerySelector("input[name=__RequestVerificationToken]") is null)
                    problems.Add($"{path}: POST form to {form.GetAttribute("action") ?? "(same page)"} without an antiforgery token");
            foreach (var link in html.QuerySelectorAll("a[href^='/admin']").Select(a => a.GetAttribute("href")!))
            {
                var target = link.Split('#')[0];
                // Logging out would end the crawl; downloads (attachments, exports) are files, not pages.
                if (target.StartsWith("/admin/abmelden") || target.StartsWith("/admin/karriere/anhang/") || target.Contains("handler=Export")) continue;
                if (seen.Add(target)) queue.Enqueue(target);
            }
        }

        Assert.True(seen.Count > 1, $"{role} found no admin page beyond the dashboard");
        if (role is Roles.Admin or Roles.HR) Assert.Contains(seen, p => p.StartsWith("/admin/karriere/bewerbung/"));
        if (role is Roles.Admin or Roles.Marketing) Assert.Contains(seen, p => p.StartsWith("/admin/newsletter/bearbeiten/"));
        if (role is Roles.Admin or Roles.DataProtection) Assert.Contains("/admin/datenschutz/anfragen/neu", seen);
        Assert.True(problems.Count == 0, $"{role}:\n" + string.Join("\n", problems));
    }
}
