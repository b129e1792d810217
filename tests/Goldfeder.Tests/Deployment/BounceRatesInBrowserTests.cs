using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Goldfeder.Tests.Browser;
using Goldfeder.Tests.Infrastructure;
using Microsoft.Playwright;
using static Goldfeder.Tests.Deployment.StaffBrowser;

namespace Goldfeder.Tests.Deployment;

/// <summary>The published site with Postmark's webhook credentials set.</summary>
public sealed class PostmarkSite() : DeployedSite(1, redis: false, new()
{
    ["Bounces:Postmark:User"] = BounceRatesInBrowserTests.PostmarkUser,
    ["Bounces:Postmark:Password"] = BounceRatesInBrowserTests.PostmarkPassword,
});

/// <summary>
/// Postmark's events reach the published site in Production through nginx over HTTPS; the admin's Zustellbarkeit page
/// and the campaign's sending page show the rates with the limits crossed, and axe finds nothing serious on either.
/// </summary>
public sealed class BounceRatesInBrowserTests(PostmarkSite site, BrowserFixture browser) : IClassFixture<PostmarkSite>, IClassFixture<BrowserFixture>
{
    public const string PostmarkUser = "postmark";
    public const string PostmarkPassword = "ein-sehr-langes-webhook-passwort-2026";

    [Fact]
    public async Task Reported_bounces_and_complaints_show_on_the_rates_pages_marked_against_the_limits()
    {
        using var api = site.Client();
        api.DefaultRequestHeaders.Add("X-Api-Key", DeployedSite.ApiKey);
        var import = await api.PostAsync("/api/admin/subscribers/import?file=liste.csv", new StringContent(CampaignFixtures.Csv(4), Encoding.UTF8, "text/csv"));
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
        var created = await api.PostAsJsonAsync("/api/admin/campaigns", new { subject = "Platin im Blick", bodyMarkdown = "Der Platinpreis steigt.", includeDigest = false });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.True((await api.PostAsync($"/api/admin/campaigns/{id}/send", null)).IsSuccessStatusCode);
        await Eventually.ValueAsync(async () => await api.GetFromJsonAsync<JsonElement>($"/api/admin/campaigns/{id}"),
            p => p.GetProperty("status").GetString() == "Sent", TimeSpan.FromSeconds(60), p => $"the campaign did not finish: {p}");

        using var hooks = site.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostmarkAsync(hooks, new { RecordType = "Bounce", ID = 1, Type = "HardBounce", Email = CampaignFixtures.Address(1) }, "falsch")).StatusCode);
        foreach (var e in new object[]
        {
            new { RecordType = "Bounce", ID = 1, Type = "HardBounce", Email = CampaignFixtures.Address(1) },
            new { RecordType = "Bounce", ID = 1, Type = "HardBounce", Email = CampaignFixtures.Address(1) },
            new { RecordType = "SpamComplaint", ID = 2, Type = "SpamComplaint", Email = CampaignFixtures.Address(2) },
        })
            Assert.Equal(HttpStatusCode.OK, (await PostmarkAsync(hooks, e, PostmarkPassword)).StatusCode);

        await using var context = await ContextAsync(browser, site);
        var page = await LoginAsync(context, DeployedSite.AdminEmail, DeployedSite.AdminPassword);
        await page.GotoAsync("/admin/newsletter");
        await page.GetByRole(AriaRole.Link, new() { Name = "Zustellbarkeit" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Zustellbarkeit", Exact = true })).ToBeVisibleAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Platin im Blick" });
        // 4 handed over, 1 bounced later (25 %), 1 complaint (25 %).
        await Assertions.Expect(row).ToContainTextAsync("25,00 % – über 10 %: Sperre bei Amazon SES droht");
        await Assertions.Expect(row.Locator("strong")).ToHaveCountAsync(2);
        await AssertNoSeriousAccessibilityProblemsAsync(page);
        await ScreenshotAsync(page, "admin-deliverability.png");

        await row.GetByRole(AriaRole.Link, new() { Name = "Platin im Blick" }).ClickAsync();
        await Assertions.Expect(page.Locator("section[aria-labelledby=rates]")).ToContainTextAsync("25,00 %");
        await AssertNoSeriousAccessibilityProblemsAsync(page);
    }

    private static Task<HttpResponseMessage> PostmarkAsync(HttpClient client, object e, string password)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/bounces/postmark") { Content = new StringContent(JsonSerializer.Serialize(e), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{PostmarkUser}:{password}")));
        return client.SendAsync(request);
    }
}
