using System.Net;
using Goldfeder.Features.Campaigns;
using Goldfeder.Tests.Infrastructure;

namespace Goldfeder.Tests.Features.Campaigns;

/// <summary>The public archive of sent newsletters, and the "Im Browser ansehen" link each campaign mail carries.</summary>
public sealed class NewsletterArchiveTests : IAsyncLifetime
{
    private readonly TestSmtpServer _smtp = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    [Fact]
    public async Task A_sent_campaign_is_in_the_archive_as_a_web_version_without_personal_links_and_its_mail_links_there()
    {
        await using var app = GoldfederApp.With(CampaignFixtures.Quick(_smtp));
        await app.ImportAsync(CampaignFixtures.Csv(2));
        var draft = await app.CreateCampaignAsync(subject: "Silber & <Gold> im Blick", body: "## Neues\n\nDer Silberpreis steigt.");
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"/newsletter/archiv/{draft}")).StatusCode);
        var (_, empty) = await app.GetPageAsync("/newsletter/archiv");
        Assert.Contains("Noch wurde kein Newsletter versandt.", empty.Body!.TextContent);

        await app.StartAsync(draft);
        await app.WaitForStatusAsync(draft, CampaignStatus.Sent);

        var mail = _smtp.CampaignMails("Silber & <Gold> im Blick").First();
        Assert.Contains($"http://localhost/newsletter/archiv/{draft}", mail.HtmlBody);
        Assert.Contains($"Im Browser ansehen: http://localhost/newsletter/archiv/{draft}", mail.TextBody);
        Assert.Contains("/newsletter/abmelden?token=", mail.HtmlBody);

        var (_, archive) = await app.GetPageAsync("/newsletter/archiv");
        var link = archive.QuerySelector(".archive-list a")!;
        Assert.Equal($"/newsletter/archiv/{draft}", link.GetAttribute("href"));
        Assert.Contains("Silber & <Gold> im Blick", link.TextContent);

        var web = await app.Browser().GetAsync($"/newsletter/archiv/{draft}");
        var html = await web.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, web.StatusCode);
        Assert.Contains("Der Silberpreis steigt.", html);
        Assert.DoesNotContain("abmelden", html);
        Assert.DoesNotContain("token=", html);
        Assert.DoesNotContain("Im Browser ansehen", html);
        Assert.DoesNotContain(CampaignMail.WithdrawPlaceholder, html);
        Assert.Contains("href=\"/newsletter\"", html);
        Assert.DoesNotContain("script-src", web.Headers.GetValues("Content-Security-Policy").Single());
    }
}
