using Goldfeder.Data;
using Goldfeder.Mail;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Tests.Mail;

public class OutboxTests
{
    [Fact]
    public async Task Smtp_down_during_signup_then_a_restart_then_smtp_back_the_mail_still_arrives()
    {
        var port = TestSmtpServer.FreePort();
        var settings = new Dictionary<string, string?>
        {
            ["Mail:Smtp:Host"] = "127.0.0.1", ["Mail:Smtp:Port"] = port.ToString(), ["Mail:Smtp:Security"] = "None",
            ["Mail:Smtp:TimeoutSeconds"] = "2", ["Mail:Outbox:PollInterval"] = "00:00:00.200",
            ["Mail:Outbox:RetryBase"] = "00:00:00.200", ["Mail:Outbox:RetryMax"] = "00:00:00.500",
            // An attempt cut off by the first app's shutdown leaves its mail leased; short here, so the second app need not wait two minutes.
            ["Mail:Outbox:Lease"] = "00:00:02",
        };
        await GoldfederApp.WithDatabaseAsync(async database =>
        {
            await using (var first = GoldfederApp.With(settings, database))
            {
                await first.SignUpAsync("geduldig@example.de");
                var failing = await WaitForAsync(first, m => m.Attempts >= 2);
                Assert.Equal(OutboxStatus.Pending, failing.Status);
                // Queued as its link only; rendered when sent.
                Assert.Equal("newsletter-confirmation", failing.Kind);
                Assert.Empty(failing.Message);
                Assert.Contains("/newsletter/bestaetigen?token=", failing.Data);
                Assert.False(string.IsNullOrEmpty(failing.LastError));
            }

            await using var smtp = new TestSmtpServer(port);
            await using var second = GoldfederApp.With(settings, database);
            second.StartServer();

            var mail = (await smtp.WaitForAsync("geduldig@example.de")).Single();
            Assert.Equal("Bitte bestätigen Sie Ihre Newsletter-Anmeldung", mail.Subject);
            var sent = await WaitForAsync(second, m => m.Status == OutboxStatus.Sent);
            Assert.Empty(sent.Message);
            Assert.Null(sent.Data);
        }, migrated: true);
    }

    [Fact]
    public async Task A_burst_of_mails_goes_out_over_several_connections_each_mail_once()
    {
        await using var smtp = new TestSmtpServer();
        var settings = smtp.Settings();
        settings["Mail:Outbox:Concurrency"] = "4";
        settings["Mail:Outbox:BatchSize"] = "100";
        settings["Newsletter:SignupsPerIpPerWindow"] = "1000";
        await using var app = GoldfederApp.With(settings);
        var addresses = Enumerable.Range(1, 300).Select(i => $"schwall-{i}@example.de").ToList();
        app.StartServer(); // before the parallel requests, which would each start it

        await Parallel.ForEachAsync(addresses, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (address, _) =>
            Assert.Equal(System.Net.HttpStatusCode.Redirect, (await app.SignUpAsync(address)).StatusCode));

        foreach (var address in addresses) await smtp.WaitForAsync(address);
        // A mail is marked sent only after every lane of its batch is done, and a sent mail is never claimed again: nothing more can arrive.
        await WaitForAsync(app, _ => true, all => all.Count(m => m.Status == OutboxStatus.Sent) == addresses.Count);
        Assert.All(addresses, a => Assert.Single(smtp.To(a)));
        Assert.True(smtp.Sessions.Count > 1, $"expected several SMTP sessions, saw {smtp.Sessions.Count}");
    }

    [Fact]
    public async Task A_mail_of_a_kind_this_version_cannot_render_fails_with_the_reason()
    {
        await using var smtp = new TestSmtpServer();
        await using var app = GoldfederApp.With(smtp.Settings());
        await app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<GoldfederDb>();
            db.OutboxMails.Add(new OutboxMail
            {
                Recipient = "zukunft@example.de", Subject = "?", Kind = "from-a-later-version", Data = "x",
                Status = OutboxStatus.Pending, NextAttemptAtUtc = DateTime.UtcNow, CreatedAtUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
            s.GetRequiredService<OutboxSignal>().Wake();
        });

        var failed = await WaitForAsync(app, m => m.Status == OutboxStatus.Failed);
        Assert.Contains("no letter of kind 'from-a-later-version'", failed.LastError);
        Assert.Equal(1, failed.Attempts);
        Assert.Empty(smtp.Received);
    }

    [Fact]
    public async Task Temporary_refusals_are_retried_until_the_mail_arrives_once()
    {
        await using var smtp = new TestSmtpServer { TemporaryFailuresLeft = 3 };
        await using var app = GoldfederApp.With(smtp.Settings());

        await app.SignUpAsync("vierhundert@example.de");

        Assert.Single(await smtp.WaitForAsync("vierhundert@example.de"));
        var sent = await WaitForAsync(app, m => m.Status == OutboxStatus.Sent);
        Assert.Equal(4, sent.Attempts);
        // Sent is recorded after the server took it, and a sent mail is never claimed again.
        Assert.Single(smtp.To("vierhundert@example.de"));
    }

    [Fact]
    public async Task A_permanent_refusal_is_recorded_with_the_reply_and_not_retried()
    {
        await using var smtp = new TestSmtpServer();
        smtp.Refused["gibtsnicht@example.de"] = true;
        await using var app = GoldfederApp.With(smtp.Settings());

        await app.SignUpAsync("gibtsnicht@example.de");
        await app.SignUpAsync("gibtsdoch@example.de");

        Assert.Single(await smtp.WaitForAsync("gibtsdoch@example.de"));
        var failed = await WaitForAsync(app, m => m.Recipient == "gibtsnicht@example.de" && m.Status == OutboxStatus.Failed);
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("550", failed.LastError);
        Assert.Contains("no such user", failed.LastError);
    }

    [Fact]
    public async Task Without_an_smtp_host_mail_is_written_to_the_pickup_folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "goldfeder-pickup-" + Guid.NewGuid().ToString("N"));
        await using var app = GoldfederApp.With(new() { ["Mail:PickupDirectory"] = folder, ["Mail:Outbox:PollInterval"] = "00:00:00.200" });
        try
        {
            await app.SignUpAsync("ordner@example.de");

            await WaitForAsync(app, m => m.Status == OutboxStatus.Sent);
            var file = Assert.Single(Directory.GetFiles(folder, "*.eml"));
            var message = await MimeKit.MimeMessage.LoadAsync(file);
            Assert.Equal("ordner@example.de", message.To.Mailboxes.Single().Address);
            Assert.Contains("/newsletter/bestaetigen?token=", message.TextBody);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, true);
        }
    }

    private static async Task<OutboxMail> WaitForAsync(GoldfederApp app, Func<OutboxMail, bool> condition, Func<List<OutboxMail>, bool>? whole = null)
    {
        var mails = await Eventually.ValueAsync(
            () => app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().OutboxMails.AsNoTracking().ToListAsync()),
            all => all.Any(condition) && (whole is null || whole(all)), Eventually.Soon,
            all => $"no outbox mail reached the expected state; the outbox holds {string.Join(", ", all.GroupBy(m => m.Status).Select(g => $"{g.Count()} {g.Key}"))}");
        return mails.First(condition);
    }
}
