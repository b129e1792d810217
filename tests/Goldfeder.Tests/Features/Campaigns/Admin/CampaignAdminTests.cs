using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Goldfeder.Common;
using Goldfeder.Features.Campaigns;
using Goldfeder.Tests.Infrastructure;
using static Goldfeder.Tests.Infrastructure.AdminFixtures;

namespace Goldfeder.Tests.Features.Campaigns.Admin;

public sealed class CampaignAdminTests : IAsyncLifetime
{
    private readonly TestSmtpServer _smtp = new();
    private readonly GoldfederApp _app;

    public CampaignAdminTests() => _app = GoldfederApp.With(CampaignFixtures.Quick(_smtp));

    [Fact]
    public async Task Marketing_writes_previews_tests_and_sends_a_newsletter_and_follows_its_progress()
    {
        await _app.ImportAsync(CampaignFixtures.Csv(30));
        var marketing = await _app.StaffAsync(Roles.Marketing);

        // A bad subject is refused in German with the text kept.
        var token = TokenIn(await marketing.GetStringAsync("/admin/newsletter/bearbeiten"));
        var invalid = await marketing.PostAsync("/admin/newsletter/bearbeiten", Form(token, ("Input.Subject", ""), ("Input.BodyMarkdown", "Mein Text")));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var invalidHtml = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("Bitte geben Sie einen Betreff ein.", invalidHtml);
        Assert.Contains("Mein Text", invalidHtml);

        var created = await marketing.PostAsync("/admin/newsletter/bearbeiten",
            Form(token, ("Input.Subject", "Goldpreis im Blick"), ("Input.Preheader", "Kurz gesagt"), ("Input.BodyMarkdown", "## Neues\n\nDer Goldpreis <script>alert(1)</script> steigt.")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editUrl = created.Headers.Location!.OriginalString.Split('?')[0];
        var id = int.Parse(editUrl.Split('/').Last());

        // The preview: the mail as recipients get it, framed only by us, no script.
        var preview = await marketing.GetAsync($"/admin/newsletter/vorschau/{id}");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var previewHtml = await preview.Content.ReadAsStringAsync();
        Assert.Contains("<h2", previewHtml);
        Assert.DoesNotContain("<script", previewHtml);
        Assert.Contains("frame-ancestors 'self'", preview.Headers.GetValues("Content-Security-Policy").Single());

        // A test send to one address.
        token = TokenIn(await marketing.GetStringAsync(editUrl));
        var test = await marketing.PostAsync($"{editUrl}?handler=Test", Form(token, ("Input.TestAddress", "pruefer@example.de")));
        Assert.Equal(HttpStatusCode.Redirect, test.StatusCode);
        Assert.StartsWith("[Test] Goldpreis im Blick", (await _smtp.WaitForAsync("pruefer@example.de")).Single().Subject);

        // A time in the past cannot be scheduled.
        var past = await marketing.PostAsync($"{editUrl}?handler=Schedule", Form(token, ("Input.Date", "2020-01-01"), ("Input.Time", "10:00")));
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("Vergangenheit", await past.Content.ReadAsStringAsync());

        // Send to all, then the progress page and its numbers.
        var send = await marketing.PostAsync($"{editUrl}?handler=Send", Form(token));
        Assert.Equal($"/admin/newsletter/versand/{id}", send.Headers.Location?.OriginalString);
        await _app.WaitForStatusAsync(id, CampaignStatus.Sent);
        var progressPage = await marketing.GetStringAsync($"/admin/newsletter/versand/{id}");
        Assert.Contains("<progress", progressPage);
        var numbers = await marketing.GetStringAsync($"/admin/newsletter/versand/{id}?handler=Progress");
        Assert.Contains("\"sent\":30", numbers);
        Assert.Equal(30, _smtp.CampaignMails().Count);

        var list = await marketing.GetStringAsync("/admin/newsletter");
        Assert.Contains("Goldpreis im Blick", list);
        // German for the reader, the code for a query: "Versand gestartet", with campaign.send as its tooltip.
        var trail = await (await _app.StaffAsync(Roles.Admin)).GetStringAsync("/admin/protokoll");
        Assert.Contains("<span title=\"campaign.send\">Versand gestartet</span>", trail);
    }

    [Fact]
    public async Task A_newsletter_can_be_scheduled_for_a_berlin_time_and_goes_out_then()
    {
        await using var app = GoldfederApp.With(CampaignFixtures.Quick(_smtp)).WithFakeClock();
        var clock = app.Clock!;
        await app.ImportAsync(CampaignFixtures.Csv(3));
        var marketing = await app.StaffAsync(Roles.Marketing);
        var id = await app.CreateCampaignAsync();
        var editUrl = $"/admin/newsletter/bearbeiten/{id}";
        var at = BerlinTime.ToBerlin(clock.GetUtcNow().UtcDateTime.AddHours(1));
        var schedule = await marketing.PostAsync($"{editUrl}?handler=Schedule",
            Form(TokenIn(await marketing.GetStringAsync(editUrl)), ("Input.Date", at.ToString("yyyy-MM-dd")), ("Input.Time", at.ToString("HH:mm"))));
        Assert.Equal(HttpStatusCode.Redirect, schedule.StatusCode);
        var scheduled = await app.ProgressAsync(id);
        Assert.Equal("Scheduled", scheduled.Status);
        var minute = new DateTime(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, DateTimeKind.Unspecified);
        Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(minute, BerlinTime.Zone), scheduled.ScheduledForUtc);

        // A minute before, a sender's pass leaves it waiting.
        clock.SetUtcNow(scheduled.ScheduledForUtc!.Value.AddMinutes(-1));
        Assert.Equal(0, await app.AnotherSendersPassAsync());
        Assert.Equal("Scheduled", (await app.ProgressAsync(id)).Status);

        // At its time the site's own sender starts it and sends it.
        clock.SetUtcNow(scheduled.ScheduledForUtc.Value);
        await app.WaitForStatusAsync(id, CampaignStatus.Sent);
        Assert.Equal(3, _smtp.CampaignMails().Count);
    }

    [Fact]
    public async Task An_upload_with_a_bad_line_imports_nothing_and_says_which_line()
    {
        var marketing = await _app.StaffAsync(Roles.Marketing);
        var token = TokenIn(await marketing.GetStringAsync("/admin/newsletter/import"));
        var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("a@example.de,2025-01-01,Messe\nkaputt,2025-01-01,Messe\n")) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "datei", "liste.csv" },
        };
        var response = await marketing.PostAsync("/admin/newsletter/import", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Zeile 2", await response.Content.ReadAsStringAsync());
        Assert.Null(await _app.SubscriberAsync("a@example.de"));
    }

    [Fact]
    public async Task Editors_and_anonymous_visitors_cannot_reach_the_newsletter_admin()
    {
        var editor = await _app.StaffAsync(Roles.Editor);
        foreach (var url in new[] { "/admin/newsletter", "/admin/newsletter/bearbeiten", "/admin/newsletter/import", "/admin/newsletter/sperrliste", "/admin/newsletter/zustellbarkeit" })
        {
            var asEditor = await editor.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, asEditor.StatusCode);
            Assert.Contains("/admin/kein-zugriff", asEditor.Headers.Location?.OriginalString);
            var anonymous = await _app.NewBrowser().GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.Contains("/admin/anmelden", anonymous.Headers.Location?.OriginalString);
        }
    }

    // IAsyncLifetime, not IAsyncDisposable: xunit 2 never calls DisposeAsync of the latter on a test class.
    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }
}
