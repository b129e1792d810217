using Goldfeder.Data;
using Goldfeder.Features.Campaigns;
using Goldfeder.Features.Campaigns.Bounces;
using Goldfeder.Features.Newsletter;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Goldfeder.Tests.Features.Campaigns.Bounces;

/// <summary>A campaign goes out over SMTP with VERP return paths; the reports come back into a real Dovecot mailbox and are read over IMAP.</summary>
public sealed class ImapBounceTests : IAsyncLifetime
{
    private const string ReturnPath = "bounces@goldfeder.example";
    private readonly TestSmtpServer _smtp = new();
    private readonly DovecotServer _dovecot = new();

    public Task InitializeAsync() => _dovecot.StartAsync();

    public async Task DisposeAsync()
    {
        await _dovecot.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task One_poll_applies_each_report_once_and_files_every_message_away_unread_ones_included()
    {
        var settings = CampaignFixtures.Quick(_smtp, ("Bounces:ReturnPath", ReturnPath), ("Bounces:Imap:PollInterval", "01:00:00"));
        foreach (var (k, v) in _dovecot.Settings()) settings[k] = v;
        await using var app = GoldfederApp.With(settings);
        await app.ImportAsync(CampaignFixtures.Csv(6));
        var campaign = await app.CreateCampaignAsync();
        await app.StartAsync(campaign);
        await app.WaitForStatusAsync(campaign, CampaignStatus.Sent);

        MimeMessage Sent(int i) => _smtp.To(CampaignFixtures.Address(i)).Single();
        string Verp(int i) => _smtp.MailFrom[Sent(i).MessageId!];
        Assert.Matches(@"^bounces\+d\d+-[0-9a-f]{20}@goldfeder\.example$", Verp(1));
        Assert.Contains(Verp(1)[8..Verp(1).IndexOf('@')], Sent(1).MessageId);
        var forged = Verp(5)[..^30] + "0123456789abcdef0123@goldfeder.example"; // a valid delivery id with a wrong MAC

        var hard = BounceMails.PostfixDsn(Verp(1), Sent(1), "5.1.1", "550 5.1.1 <kunde000001@example.de>: Recipient address rejected: User unknown", "hard");
        var soft = BounceMails.GmailStyleDsn(ReturnPath, Sent(2), "4.2.2", "452-4.2.2 The email account that you tried to reach is over quota.", "soft");
        var complaint = BounceMails.ArfComplaint(Sent(3), "arf");
        var outOfOffice = BounceMails.OutOfOffice(ReturnPath, Sent(4), "ooo");
        var garbage = BounceMails.Garbage("garbage");
        var unknown = BounceMails.PostfixDsn(forged, Sent(0).Clone(m => m.MessageId = "fremd@goldfeder.example"), "5.1.1", "550 5.1.1 User unknown", "unknown");
        await _dovecot.AppendAsync(hard, soft, complaint, outOfOffice, garbage, unknown);

        var poller = app.Services.GetRequiredService<ImapBouncePoller>();
        Assert.Equal(new ImapBouncePoller.PollResult(4, 2), await poller.PollOnceAsync(default));

        Assert.Empty(await _dovecot.MessageIdsAsync("INBOX"));
        Assert.Equal(["hard@mx.example.de", "soft@mx.google.example", "arf@mailprovider.example", "ooo@example.de"], await _dovecot.MessageIdsAsync("Goldfeder/Verarbeitet"));
        Assert.Equal(["garbage@example.net", "unknown@mx.example.de"], await _dovecot.MessageIdsAsync("Goldfeder/Unzuordenbar"));

        var state = await StateAsync(app);
        Assert.Equal([CampaignFixtures.Address(1), CampaignFixtures.Address(3)], state.Suppressed);
        Assert.Equal(DeliveryStatus.Bounced, state.Deliveries[CampaignFixtures.Address(1)]);
        Assert.Equal(DeliveryStatus.Sent, state.Deliveries[CampaignFixtures.Address(2)]);
        Assert.Equal(SubscriberStatus.Withdrawn, state.Subscribers[CampaignFixtures.Address(3)]);
        Assert.Equal(SubscriberStatus.Confirmed, state.Subscribers[CampaignFixtures.Address(4)]);
        Assert.Equal(SubscriberStatus.Confirmed, state.Subscribers[CampaignFixtures.Address(5)]);
        Assert.Equal(["Beschwerde beim Postfachanbieter (Spam-Meldung)"], state.ComplaintLedger);
        Assert.Equal(
            ["AutoReply:True", "Complaint:True", "Hard:False", "Hard:True", "Soft:True", "Unreadable:False"],
            state.Events.Order(StringComparer.Ordinal));

        // The same reports delivered again (a server's retry): moved away, nothing acted on twice.
        await _dovecot.AppendAsync(hard, complaint, soft);
        Assert.Equal(new ImapBouncePoller.PollResult(3, 0), await poller.PollOnceAsync(default));
        Assert.Equal(new ImapBouncePoller.PollResult(0, 0), await poller.PollOnceAsync(default));
        Assert.Empty(await _dovecot.MessageIdsAsync("INBOX"));
        Assert.Equal(7, (await _dovecot.MessageIdsAsync("Goldfeder/Verarbeitet")).Count);
        Assert.Equivalent(state, await StateAsync(app), strict: true);
    }

    [Fact]
    public async Task Soft_bounces_suppress_only_after_the_limit_within_the_window()
    {
        var settings = CampaignFixtures.Quick(_smtp, ("Bounces:ReturnPath", ReturnPath), ("Bounces:Imap:PollInterval", "01:00:00"), ("Bounces:SoftBounceLimit", "2"));
        foreach (var (k, v) in _dovecot.Settings()) settings[k] = v;
        await using var app = GoldfederApp.With(settings);
        await app.ImportAsync(CampaignFixtures.Csv(2));
        var poller = app.Services.GetRequiredService<ImapBouncePoller>();
        for (var round = 1; round <= 2; round++)
        {
            var campaign = await app.CreateCampaignAsync(subject: $"Ausgabe {round}");
            await app.StartAsync(campaign);
            await app.WaitForStatusAsync(campaign, CampaignStatus.Sent);
            var sent = _smtp.To(CampaignFixtures.Address(1)).Single(m => m.Subject == $"Ausgabe {round}");
            await _dovecot.AppendAsync(BounceMails.PostfixDsn(_smtp.MailFrom[sent.MessageId!], sent, "4.2.2", "452 4.2.2 Mailbox full", $"voll{round}"));
            await poller.PollOnceAsync(default);
            Assert.Equal(round == 2, (await StateAsync(app)).Suppressed.Contains(CampaignFixtures.Address(1)));
        }
    }

    [Fact]
    public async Task Postfixs_own_bounces_of_a_refused_and_a_full_mailbox_are_read_and_applied()
    {
        // The campaign goes to a real Postfix, which relays to the test server; that refuses one recipient for good
        // and finds another's mailbox full, so Postfix writes its DSNs to the VERP return paths.
        await using var postfix = new PostfixServer(_smtp.Port);
        await postfix.StartAsync();
        var settings = CampaignFixtures.Quick(_smtp, ("Bounces:ReturnPath", ReturnPath), ("Bounces:Imap:PollInterval", "01:00:00"), ("Mail:Smtp:Port", postfix.Port.ToString()));
        foreach (var (k, v) in _dovecot.Settings()) settings[k] = v;
        await using var app = GoldfederApp.With(settings);
        await app.ImportAsync(CampaignFixtures.Csv(3));
        _smtp.Refused[CampaignFixtures.Address(1)] = true;
        _smtp.MailboxFull[CampaignFixtures.Address(2)] = true;
        var campaign = await app.CreateCampaignAsync();
        await app.StartAsync(campaign);
        await app.WaitForStatusAsync(campaign, CampaignStatus.Sent);

        var dsns = await Eventually.ValueAsync(() => _smtp.Received.Where(m => m.Body is MultipartReport).ToList(), l => l.Count == 2, TimeSpan.FromSeconds(60),
            l => $"{l.Count} DSNs from Postfix; its log: {postfix.Log()}");
        Assert.All(dsns, d => Assert.Matches(@"^bounces\+d\d+-[0-9a-f]{20}@goldfeder\.example$", d.To.Mailboxes.Single().Address));
        await _dovecot.AppendAsync([.. dsns]);
        Assert.Equal(new ImapBouncePoller.PollResult(2, 0), await app.Services.GetRequiredService<ImapBouncePoller>().PollOnceAsync(default));

        var state = await StateAsync(app);
        Assert.Equal([CampaignFixtures.Address(1)], state.Suppressed);
        Assert.Equal(DeliveryStatus.Bounced, state.Deliveries[CampaignFixtures.Address(1)]);
        Assert.Equal(["Hard:True", "Soft:True"], state.Events.Order(StringComparer.Ordinal));
    }

    private sealed record State(List<string> Suppressed, Dictionary<string, DeliveryStatus> Deliveries, Dictionary<string, SubscriberStatus> Subscribers, List<string?> ComplaintLedger, List<string> Events);

    private static Task<State> StateAsync(GoldfederApp app) => app.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<GoldfederDb>();
        var subscribers = await db.Subscribers.AsNoTracking().ToListAsync();
        var emailOf = subscribers.ToDictionary(s => s.Id, s => s.NormalizedEmail);
        return new State(
            await db.Suppressions.OrderBy(s => s.NormalizedEmail).Select(s => s.NormalizedEmail).ToListAsync(),
            (await db.Deliveries.AsNoTracking().ToListAsync()).GroupBy(d => emailOf[d.SubscriberId!.Value]).ToDictionary(g => g.Key, g => g.Max(d => d.Status)),
            subscribers.ToDictionary(s => s.NormalizedEmail, s => s.Status),
            await db.ConsentEvents.Where(e => e.Kind == ConsentEventKind.Withdrawn).Select(e => e.Detail).ToListAsync(),
            (await db.BounceEvents.AsNoTracking().ToListAsync()).Select(e => $"{e.Kind}:{e.DeliveryId is not null}").ToList());
    });
}

internal static class MessageCopies
{
    public static MimeMessage Clone(this MimeMessage m, Action<MimeMessage> change)
    {
        using var stream = new MemoryStream();
        m.WriteTo(stream);
        stream.Position = 0;
        var copy = MimeMessage.Load(stream);
        change(copy);
        return copy;
    }
}
