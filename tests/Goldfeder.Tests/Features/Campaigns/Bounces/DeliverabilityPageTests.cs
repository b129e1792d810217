using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Goldfeder.Common;
using Goldfeder.Tests.Infrastructure;
using AngleSharp.Html.Parser;

namespace Goldfeder.Tests.Features.Campaigns.Bounces;

public sealed class DeliverabilityPageTests : IAsyncLifetime
{
    private readonly TestSmtpServer _smtp = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    [Fact]
    public async Task The_page_shows_each_campaigns_and_weeks_rates_and_marks_those_over_the_limits()
    {
        await using var app = GoldfederApp.With(CampaignFixtures.Quick(_smtp, ("Bounces:Postmark:User", "postmark"), ("Bounces:Postmark:Password", "ein-langes-webhook-passwort")));
        await app.ImportAsync(CampaignFixtures.Csv(8));
        _smtp.Refused[CampaignFixtures.Address(7)] = true; // refused during the send (5xx)
        var campaign = await app.CreateCampaignAsync(subject: "Goldpreis im Blick");
        await app.StartAsync(campaign);
        await app.WaitForStatusAsync(campaign, Goldfeder.Features.Campaigns.CampaignStatus.Sent);

        var hooks = app.Browser();
        foreach (var e in new object[]
        {
            new { RecordType = "Bounce", ID = 1, Type = "HardBounce", Email = CampaignFixtures.Address(1) },
            new { RecordType = "SpamComplaint", ID = 2, Type = "SpamComplaint", Email = CampaignFixtures.Address(2) },
            new { RecordType = "Bounce", ID = 3, Type = "SoftBounce", Email = CampaignFixtures.Address(3) },
            new { RecordType = "Bounce", ID = 4, Type = "HardBounce", Email = "unbekannt@example.de" },
        })
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/bounces/postmark") { Content = new StringContent(JsonSerializer.Serialize(e), Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("postmark:ein-langes-webhook-passwort"u8.ToArray()));
            (await hooks.SendAsync(request)).EnsureSuccessStatusCode();
        }

        var marketing = await app.StaffAsync(Roles.Marketing);
        var html = await marketing.GetStringAsync("/admin/newsletter/zustellbarkeit");
        var page = new HtmlParser().ParseDocument(html);
        var campaignRow = page.QuerySelectorAll("table")[1].QuerySelector("tbody tr")!;
        var cells = campaignRow.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        // 8 handed over: 6 still sent, 2 bounced (one at once, one reported later) = 25 %; 1 complaint = 12.5 %.
        Assert.Contains("Goldpreis im Blick", campaignRow.QuerySelector("th")!.TextContent);
        Assert.Equal(["6", "2", "25,00 % – über 10 %: Sperre bei Amazon SES droht", "1", "1", "12,50 % – über 0,5 %: Sperre bei Amazon SES droht"], cells);
        Assert.NotNull(campaignRow.QuerySelectorAll("td")[2].QuerySelector("strong"));

        var thisWeek = page.QuerySelectorAll("table")[0].QuerySelector("tbody tr")!;
        Assert.Equal(cells, thisWeek.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList());
        Assert.Equal(12, page.QuerySelectorAll("table")[0].QuerySelectorAll("tbody tr").Length);
        Assert.Contains("Bounces ohne bekannte Zustellung: 1", page.Body!.TextContent);

        // The campaign's own sending page shows the same figures.
        var sending = new HtmlParser().ParseDocument(await marketing.GetStringAsync($"/admin/newsletter/versand/{campaign}"));
        var rates = sending.QuerySelector("section[aria-labelledby=rates] tbody tr")!;
        Assert.Equal(cells, rates.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList());
    }
}
