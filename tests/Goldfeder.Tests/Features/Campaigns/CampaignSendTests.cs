using System.Net;
using Goldfeder.Features.Campaigns;
using Goldfeder.Features.Newsletter;
using Goldfeder.Tests.Infrastructure;
using static Goldfeder.Tests.Infrastructure.NewsletterFixtures;

namespace Goldfeder.Tests.Features.Campaigns;

public sealed class CampaignSendTests : IAsyncLifetime
{
    private readonly TestSmtpServer _smtp = new();

    [Fact]
    public async Task Every_confirmed_subscriber_gets_exactly_one_mail_and_withdrawn_and_pending_ones_get_none()
    {
        await using var app = GoldfederApp.With(CampaignFixtures.Quick(_smtp));
        Assert.Equal(2000, (await app.ImportAsync(CampaignFixtures.Csv(2000))).Imported);
        var withdrawn = CampaignFixtures.Address(7);
        await app.InScopeAsync(async sp =>
        {
            var id = (await app.SubscriberAsync(withdrawn))!.Id;
            await sp.GetRequiredService<Withdrawal>().WithdrawAsync(id, "test", new Requester(null, null, null, "http://localhost"), default);
        });
        await app.SignUpAsync("noch-unbestaetigt@example.de");

        var campaign = await app.CreateCampaignAsync();
        Assert.Equal(1999, await app.StartAsync(campaign));
        var done = await app.WaitForStatusAsync(campaign, CampaignStatus.Sent);
        Assert.Equal((1999, 0, 0), (done.Sent, done.Failed, done.Remaining));

        var mails = _smtp.CampaignMails();
        Assert.Equal(1999, mails.Count);
        var recipients = mails.Select(m => m.To.Mailboxes.Single().Address).ToList();
        Assert.Equal(1999, recipients.Distinct().Count());
        Assert.DoesNotContain(withdrawn, recipients);
        Assert.DoesNotContain("noch-unbestaetigt@example.de", recipients);
        Assert.Equal(1999, mails.Select(m => m.MessageId).Distinct().Count());

        // Each mail: its own withdrawal link in the body and the one-click headers, both parts, the legal footer.
        var mail = _smtp.To(CampaignFixtures.Address(42)).Single(m => m.Subject == "Goldpreis im Blick");
        var link = LinkIn(mail, "/newsletter/abmelden");
        Assert.Equal($"<{link}>", mail.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.False(string.IsNullOrEmpty(mail.Headers["List-Id"]));
        Assert.Contains("Newsletter abbestellen", mail.HtmlBody);
        Assert.Contains("Sie erhalten diese E-Mail, weil Sie den Newsletter", mail.TextBody);
        Assert.Contains("<h2", mail.HtmlBody);
        Assert.DoesNotContain("<img", mail.HtmlBody);
        Assert.NotEqual(link, LinkIn(_smtp.To(CampaignFixtures.Address(43)).Single(m => m.Subject == "Goldpreis im Blick"), "/newsletter/abmelden"));

        // The link works: one click and the subscriber is withdrawn.
        var oneClick = await app.Browser().PostAsync(PathOf(link),
            new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(SubscriberStatus.Withdrawn, (await app.SubscriberAsync(CampaignFixtures.Address(42)))!.Status);
    }

    [Fact]
    public async Task A_withdrawal_during_the_send_is_honoured()
    {
        await using var app = GoldfederApp.With(CampaignFixtures.Quick(_smtp, ("Campaigns:MessagesPerSecond", "100")));
        await app.ImportAsync(CampaignFixtures.Csv(400));
        var campaign = await app.CreateCampaignAsync();
        await app.StartAsync(campaign);

        // The last in line withdraws while the first mails go out.
        var last = (await app.DeliveriesAsync(campaign)).MaxBy(d => d.Id)!;
        await _smtp.WaitForCampaignMailsAsync(10);
        await app.InScopeAsync(sp => sp.GetRequiredService<Withdrawal>().WithdrawAsync(last.SubscriberId!.Value, "test", new Requester(null, null, null, "http://localhost"), default));

        var done = await app.WaitForStatusAsync(campaign, CampaignStatus.Sent);
        Assert.Equal((399, 1), (done.Sent, done.Skipped));
        var lastAddress = await app.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<Goldfeder.Data.GoldfederDb>().Subscribers.Single(s => s.Id == last.SubscriberId).Email));
        Assert.Empty(_smtp.To(lastAddress));
    }

    [Fact]
    public async Task When_the_server_answers_4xx_for_a_while_every_mail_still_arrives_once()
    {
        await using var app = GoldfederApp.With(CampaignFixtures.Quick(_smtp));
        await app.ImportAsync(CampaignFixtures.Csv(300));
        _smtp.TemporaryFailureCode = 450;
        _smtp.TemporaryFailuresLeft = 250;
        var campaign = await app.CreateCampaignAsync();
        await app.StartAsync(campaign);

        var done = await app.WaitForStatusAsync(campaign, CampaignStatus.Sent);
        Assert.Equal(300, done.Sent);
        var mails = _smtp.CampaignMails();
        Assert.Equal(300, mails.Count);
        Assert.Equal(300, mails.Select(m => m.To.Mailboxes.Single().Address).Distinct().Count());
        Assert.Contains(await app.DeliveriesAsync(campaign), d => d.Attempts > 1);
    }

    [Fact]
    public async Task Refused_addresses_are_recorded_not_retried_and_suppressed_in_later_sends()
    {
        await using var app = GoldfederApp.With(CampaignFixtures.Quick(_smtp));
        await app.ImportAsync(CampaignFixtures.Csv(200));
        foreach (var i in new[] { 3, 50, 120 }) _smtp.Refused[CampaignFixtures.Address(i)] = true;
        var campaign = await app.CreateCampaignAsync();
        await app.StartAsync(campaign);

        var done = await app.WaitForStatusAsync(campaign, CampaignStatus.Sent);
        Assert.Equal((197, 3), (done.Sent, done.Bounced));
        var bounced = (await app.DeliveriesAsync(campaign)).Where(d => d.Status == DeliveryStatus.Bounced).ToList();
        Assert.All(bounced, d => Assert.Equal(1, d.Attempts));
        Assert.All(bounced, d => Assert.Contains("5.1.1", d.LastError));
        Assert.Equal(197, _smtp.CampaignMails().Count);

        // The next campaign leaves them out from the start.
        _smtp.Refused.Clear();
        var next = await app.CreateCampaignAsync("Silber im Blick");
        Assert.Equal(197, await app.StartAsync(next));
    }

    [Fact]
    public async Task A_run_of_refusals_pauses_the_campaign_instead_of_burning_the_list()
    {
        await using var app = GoldfederApp.With(CampaignFixtures.Quick(_smtp, ("Campaigns:PauseAfterConsecutiveRefusals", "20"), ("Campaigns:BatchSize", "10")));
        await app.ImportAsync(CampaignFixtures.Csv(200));
        for (var i = 0; i < 200; i++) _smtp.Refused[CampaignFixtures.Address(i)] = true;
        var campaign = await app.CreateCampaignAsync();
        await app.StartAsync(campaign);

        var paused = await app.WaitForStatusAsync(campaign, CampaignStatus.Paused);
        Assert.Contains("abgelehnt", paused.PauseReason);
        Assert.InRange(paused.Bounced, 20, 40);
        Assert.True(paused.Remaining > 100);
    }

    [Fact]
    public async Task Pause_resume_cancel_and_retry_of_the_failed_ones()
    {
        await using var app = GoldfederApp.With(CampaignFixtures.Quick(_smtp, ("Campaigns:MessagesPerSecond", "50"), ("Campaigns:MaxAttempts", "1")));
        await app.ImportAsync(CampaignFixtures.Csv(150));
        var campaign = await app.CreateCampaignAsync();
        await app.StartAsync(campaign);
        await _smtp.WaitForCampaignMailsAsync(5);

        Assert.True(await app.InScopeAsync(sp => sp.GetRequiredService<CampaignControl>().PauseAsync(campaign, default)));
        // The batch in flight may still finish; once it is recorded, every mail that arrived is counted as sent.
        await app.WaitUntilNothingInFlightAsync(campaign);
        var whilePaused = _smtp.CampaignMails().Count;
        Assert.Equal(whilePaused, (await app.ProgressAsync(campaign)).Sent);
        Assert.True(whilePaused < 150);
        // Nothing is due for any sender while paused, so nothing more goes out.
        Assert.Equal(0, await app.AnotherSendersPassAsync());
        Assert.Equal(whilePaused, _smtp.CampaignMails().Count);
        Assert.Equal("Paused", (await app.ProgressAsync(campaign)).Status);

        // Two failures for the next mails ("mailbox busy", a temporary failure of the recipient, not of the relay), then
        // resume: with one attempt allowed they fail for good.
        _smtp.TemporaryFailureCode = 450;
        _smtp.TemporaryFailuresLeft = 2;
        Assert.True(await app.InScopeAsync(sp => sp.GetRequiredService<CampaignControl>().ResumeAsync(campaign, default)));
        var done = await app.WaitForStatusAsync(campaign, CampaignStatus.Sent);
        Assert.Equal((148, 2), (done.Sent, done.Failed));

        Assert.Equal(2, await app.InScopeAsync(sp => sp.GetRequiredService<CampaignControl>().RetryFailedAsync(campaign, default)));
        done = await app.WaitForStatusAsync(campaign, CampaignStatus.Sent);
        Assert.Equal((150, 0), (done.Sent, done.Failed));
        Assert.Equal(150, _smtp.CampaignMails().Select(m => m.To.Mailboxes.Single().Address).Distinct().Count());
        Assert.Equal(150, _smtp.CampaignMails().Count);

        // Cancel: nothing more goes out.
        var other = await app.CreateCampaignAsync("Silber im Blick");
        await app.StartAsync(other);
        await _smtp.WaitForCampaignMailsAsync(5, "Silber im Blick");
        Assert.True(await app.InScopeAsync(sp => sp.GetRequiredService<CampaignControl>().CancelAsync(other, default)));
        await app.WaitUntilNothingInFlightAsync(other);
        var cancelled = await app.ProgressAsync(other);
        Assert.Equal("Cancelled", cancelled.Status);
        Assert.Equal(0, cancelled.Remaining);
        Assert.True(cancelled.Skipped > 100);
        Assert.InRange(_smtp.CampaignMails("Silber im Blick").Count, 5, 150 - cancelled.Skipped);
        Assert.Equal(cancelled.Sent, _smtp.CampaignMails("Silber im Blick").Count);
        Assert.Equal(0, await app.AnotherSendersPassAsync());
        Assert.Equal(cancelled.Sent, _smtp.CampaignMails("Silber im Blick").Count);
    }

    [Fact]
    public async Task The_hourly_limit_holds_the_rest_back()
    {
        await using var app = GoldfederApp.With(CampaignFixtures.Quick(_smtp, ("Campaigns:MessagesPerHour", "7")));
        await app.ImportAsync(CampaignFixtures.Csv(20));
        var campaign = await app.CreateCampaignAsync();
        await app.StartAsync(campaign);
        await _smtp.WaitForCampaignMailsAsync(7);
        await app.WaitUntilNothingInFlightAsync(campaign);
        // The hour is used up: a pass (here another instance's) sends nothing, and the campaign waits, still sending.
        Assert.Equal(0, await app.AnotherSendersPassAsync());
        var progress = await app.ProgressAsync(campaign);
        Assert.Equal((7, 13, "Sending"), (progress.Sent, progress.Remaining, progress.Status));
        Assert.Equal(7, _smtp.CampaignMails().Count);
    }

    [Fact]
    public async Task Export_lists_the_campaigns_an_address_received_and_erasure_unlinks_its_deliveries_and_suppression()
    {
        await using var app = GoldfederApp.With(CampaignFixtures.Quick(_smtp));
        await app.ImportAsync(CampaignFixtures.Csv(2));
        _smtp.Refused[CampaignFixtures.Address(1)] = true;
        var campaign = await app.CreateCampaignAsync();
        await app.StartAsync(campaign);
        await app.WaitForStatusAsync(campaign, CampaignStatus.Sent);

        var export = await app.InScopeAsync(sp => sp.GetRequiredService<ConsentLedger>().ExportAsync(CampaignFixtures.Address(0), default));
        var sent = export!.Sections.Single(s => s.Section == "Newsletter-Versand").Entries;
        Assert.Contains(sent, m => m["Newsletter"] == "Goldpreis im Blick" && m["Status"] == "zugestellt");

        foreach (var i in new[] { 0, 1 })
            Assert.True(await app.InScopeAsync(sp => sp.GetRequiredService<ConsentLedger>().EraseAsync(CampaignFixtures.Address(i), "test", default)));
        var deliveries = await app.DeliveriesAsync(campaign);
        Assert.Equal(2, deliveries.Count);
        Assert.All(deliveries, d => Assert.Null(d.SubscriberId));
        Assert.Equal(0, await app.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<Goldfeder.Data.GoldfederDb>().Suppressions.Count())));
        Assert.Equal(1, (await app.ProgressAsync(campaign)).Sent);
    }

    // IAsyncLifetime, not IAsyncDisposable: xunit 2 never calls DisposeAsync of the latter on a test class.
    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _smtp.DisposeAsync();
}
