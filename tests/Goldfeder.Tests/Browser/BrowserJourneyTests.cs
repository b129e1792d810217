using Goldfeder.Common;
using Goldfeder.Features.Articles;
using Goldfeder.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using static Goldfeder.Tests.Infrastructure.NewsletterFixtures;

namespace Goldfeder.Tests.Browser;

/// <summary>What editors and readers do, in a real browser against the real site on Kestrel.</summary>
public sealed class BrowserJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly TestSmtpServer _smtp = new();
    private GoldfederApp _app = null!;
    private string _baseUrl = "";

    public Task InitializeAsync()
    {
        // The site's clock is the test's: the scheduled publisher's 30-second interval passes when the test moves time on.
        _app = GoldfederApp.With(_smtp.Settings()).WithFakeClock().OnKestrel();
        _app.StartServer();
        _baseUrl = _app.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_editor_logs_in_writes_previews_schedules_and_the_article_appears_on_time()
    {
        await _app.CreateAccountAsync("redaktion@example.de", "Editor", "Redaktion-Passwort-1");
        await using var context = await browser.NewContextAsync(_baseUrl);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/admin");
        await page.GetByLabel("E-Mail-Adresse").FillAsync("redaktion@example.de");
        await page.GetByLabel("Passwort").FillAsync("Redaktion-Passwort-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await page.ArrivedAsync("**/admin");

        await page.GotoAsync("/admin/artikel/bearbeiten");
        await page.GetByLabel("Überschrift", new() { Exact = true }).FillAsync("Goldreserven der Bundesbank");
        await page.GetByLabel("Vorspann").FillAsync("Ein Blick auf die Bestände in Frankfurt, New York und London.");
        await page.GetByLabel("Text (Markdown").FillAsync("## In Frankfurt\n\nDer größte Teil lagert in Frankfurt.\n\n## In New York\n\nEin Teil lagert in New York.");
        // The live preview renders the public template while typing.
        await Assertions.Expect(page.Locator("#preview h2")).ToHaveTextAsync(["In Frankfurt", "In New York"]);
        await Assertions.Expect(page.Locator("#preview h1")).ToHaveTextAsync("Goldreserven der Bundesbank");
        await Screenshot(page, "editor-preview.png");

        // Scheduled for the next full minute after one from now, entered in Berlin time.
        var clock = _app.Clock!;
        var at = BerlinTime.ToBerlin(clock.GetUtcNow().UtcDateTime.AddMinutes(1));
        at = at.AddSeconds(60 - at.Second).AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond));
        await page.GetByLabel("Status").SelectOptionAsync("Scheduled");
        await page.GetByLabel("Datum").FillAsync(at.ToString("yyyy-MM-dd"));
        await page.GetByLabel("Uhrzeit").FillAsync(at.ToString("HH:mm"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Gespeichert.")).ToBeVisibleAsync();

        var reader = await context.NewPageAsync();
        await reader.GotoAsync("/");
        await Assertions.Expect(reader.GetByText("Goldreserven der Bundesbank")).ToHaveCountAsync(0);

        // A second before its time the publisher's passes (its timer fired on the way) publish nothing, and readers see nothing.
        var atUtc = TimeZoneInfo.ConvertTimeToUtc(at, BerlinTime.Zone);
        clock.SetUtcNow(atUtc.AddSeconds(-1));
        var publisher = _app.Services.GetServices<IHostedService>().OfType<ScheduledPublisher>().Single();
        Assert.Equal(0, await publisher.PublishDueAsync(default));
        await reader.GotoAsync("/");
        await Assertions.Expect(reader.GetByText("Goldreserven der Bundesbank")).ToHaveCountAsync(0);

        // One interval (30 s) on, the publisher's timer has fired at or after the article's time: it is on the front page.
        clock.Advance(TimeSpan.FromSeconds(31));
        await Eventually.TrueAsync(async () =>
        {
            await reader.GotoAsync("/");
            return await reader.GetByText("Goldreserven der Bundesbank").CountAsync() > 0;
        }, Eventually.Soon, $"the article scheduled for {atUtc:O} did not appear on the front page by {clock.GetUtcNow():O} (site time)");
        await reader.GetByRole(AriaRole.Link, new() { Name = "Goldreserven der Bundesbank" }).ClickAsync();
        await Assertions.Expect(reader.Locator("article h2")).ToHaveTextAsync(["In Frankfurt", "In New York"]);
        await Assertions.Expect(reader.Locator(".article-time")).ToHaveTextAsync(at.ToString("HH:mm") + " Uhr");
    }

    [Fact]
    public async Task A_reader_signs_up_from_an_article_and_the_confirmation_link_confirms_with_one_click()
    {
        await using var context = await browser.NewContextAsync(_baseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/news/" + Seed.Slug);

        await page.GetByLabel("E-Mail-Adresse").FillAsync("browserleserin@example.de");
        await page.GetByRole(AriaRole.Button, new() { Name = "Abschicken" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fast geschafft!" })).ToBeVisibleAsync();

        var link = LinkIn((await _smtp.WaitForAsync("browserleserin@example.de")).Single(), "/newsletter/bestaetigen");
        await page.GotoAsync(PathOf(link));
        // The page's own script posts the confirmation: one click in the mail, nothing more.
        await page.ArrivedAsync("**/newsletter/bestaetigt");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vielen Dank!" })).ToBeVisibleAsync();
        Assert.Equal(Goldfeder.Features.Newsletter.SubscriberStatus.Confirmed, (await _app.SubscriberAsync("browserleserin@example.de"))!.Status);
    }

    private static async Task Screenshot(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("GOLDFEDER_SCREENSHOTS");
        if (folder is not null) await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }
}
