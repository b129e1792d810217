using System.Net;
using Goldfeder.Data;
using Goldfeder.Features.Campaigns;
using Goldfeder.Features.Newsletter;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Goldfeder.Tests.Infrastructure.NewsletterFixtures;

namespace Goldfeder.Tests.Features.Newsletter;

/// <summary>Consent topic by topic: signup, preference center, campaigns by topic, objection, pause. Real SMTP.</summary>
public sealed class TopicsTests : IAsyncLifetime
{
    private readonly TestSmtpServer _smtp = new();

    [Fact]
    public async Task Two_of_three_topics_then_a_change_then_objection_every_step_in_the_ledger_and_only_chosen_topics_arrive()
    {
        await using var app = GoldfederApp.With(CampaignFixtures.Quick(_smtp));
        var (markets, products, offers) = await TopicsAsync(app);

        // Signup with two of three topics, confirmed by the link.
        await PostAsync(app, "/newsletter", ("email", "anna@example.de"), ("quelle", "/newsletter"), ("themen", $"{markets}"), ("themen", $"{products}"));
        var confirm = PathOf(LinkIn((await _smtp.WaitForAsync("anna@example.de")).Single(), "/newsletter/bestaetigen"));
        Assert.Equal(HttpStatusCode.Redirect, (await app.PostFormAsync(confirm, [])).StatusCode);
        var anna = (await app.SubscriberAsync("anna@example.de"))!;
        var events = await app.EventsAsync(anna.Id);
        Assert.Equal([markets, products], events.Where(e => e.Kind == ConsentEventKind.Confirmed && e.TopicId != null).Select(e => e.TopicId!.Value).Order());
        Assert.All(events.Where(e => e.TopicId != null), e => Assert.Equal("Testbrowser/1.0", e.UserAgent));
        Assert.DoesNotContain(events, e => e.TopicId == offers);

        // The welcome mail links to the preference center.
        var welcome = (await _smtp.WaitForAsync("anna@example.de", 2))[1];
        var preferences = PathOf(LinkIn(welcome, "/newsletter/einstellungen"));
        await app.ConfirmedAsync(_smtp, "bert@example.de"); // no topic ticked: all three

        // A campaign to the third topic does not reach her; the editor's count said so before the start.
        var offersOnly = await CampaignToAsync(app, "Angebot der Woche", offers);
        Assert.Equal(1, await app.InScopeAsync(sp => sp.GetRequiredService<CampaignAudience>().CountAsync([offers], default)));
        Assert.Equal(1, await app.StartAsync(offersOnly));
        await app.WaitForStatusAsync(offersOnly, CampaignStatus.Sent);
        Assert.Equal(["bert@example.de"], _smtp.CampaignMails("Angebot der Woche").Select(m => m.To.Mailboxes.Single().Address));

        // Every campaign mail carries her own preference link.
        var markets1 = await CampaignToAsync(app, "Marktbericht 1", markets);
        Assert.Equal(2, await app.StartAsync(markets1));
        var marketMail = (await _smtp.WaitForSubjectAsync("Marktbericht 1", 2)).Single(m => m.To.Mailboxes.Single().Address == "anna@example.de");
        Assert.Equal(preferences, PathOf(LinkIn(marketMail, "/newsletter/einstellungen")));

        // In the preference center she drops product news and takes the offers: one event for each.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(app, preferences + "&handler=Topics", ("themen", $"{markets}"), ("themen", $"{offers}"))).StatusCode);
        var changes = (await app.EventsAsync(anna.Id)).Skip(events.Count).ToList();
        Assert.Equal([(ConsentEventKind.Withdrawn, products), (ConsentEventKind.Confirmed, offers)],
            changes.Select(e => (e.Kind, e.TopicId!.Value)).OrderBy(e => e.Item2 == offers));
        Assert.All(changes, e => Assert.Equal("/newsletter/einstellungen", e.SourcePage));

        // She objects to everything: no campaign reaches her, to any topic or to all.
        var objected = await PostAsync(app, preferences + "&handler=Withdraw");
        Assert.Equal("/newsletter/abgemeldet", objected.Headers.Location?.OriginalString);
        Assert.Equal(SubscriberStatus.Withdrawn, (await app.SubscriberAsync("anna@example.de"))!.Status);
        var everyone = await app.CreateCampaignAsync("An alle");
        Assert.Equal(1, await app.StartAsync(everyone));
        await app.WaitForStatusAsync(everyone, CampaignStatus.Sent);
        Assert.DoesNotContain(_smtp.CampaignMails("An alle"), m => m.To.Mailboxes.Single().Address == "anna@example.de");

        // The proof keeps the whole history, topic by topic.
        var proof = (await app.InScopeAsync(sp => sp.GetRequiredService<ConsentLedger>().ProofAsync("anna@example.de", default)))!;
        var byTopic = proof.ByTopic().ToDictionary(g => g.Key ?? "", g => g.Select(e => e.Kind).ToList());
        Assert.Equal(["Requested", "Confirmed", "Withdrawn"], byTopic[""]);
        Assert.Equal(["Requested", "Confirmed", "Withdrawn"], byTopic["Marktberichte"]);
        Assert.Equal(["Requested", "Confirmed", "Withdrawn"], byTopic["Produktneuheiten"]);
        Assert.Equal(["Confirmed", "Withdrawn"], byTopic["Sonderangebote"]);
    }

    [Fact]
    public async Task A_tampered_or_borrowed_link_changes_nothing_and_gets_a_german_error_page_and_a_scanners_get_changes_nothing()
    {
        await using var app = GoldfederApp.With(CampaignFixtures.Quick(_smtp));
        var (markets, _, _) = await TopicsAsync(app);
        var withdrawLink = PathOf(await app.ConfirmedAsync(_smtp, "carla@example.de"));
        await app.ConfirmedAsync(_smtp, "dora@example.de");
        var carla = (await app.SubscriberAsync("carla@example.de"))!;
        var dora = (await app.SubscriberAsync("dora@example.de"))!;
        var link = PathOf(LinkIn((await _smtp.WaitForAsync("carla@example.de", 2))[1], "/newsletter/einstellungen"));
        var token = link[(link.IndexOf("token=") + 6)..];
        var before = (await app.EventsAsync(carla.Id)).Count + (await app.EventsAsync(dora.Id)).Count;

        // A scanner fetching the link sees the page; nothing changes.
        var (fetched, page) = await app.GetPageAsync(link);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal("no-store", fetched.Headers.CacheControl?.ToString());
        Assert.Contains("carla@example.de", page.QuerySelector("h1 + p")!.TextContent);
        Assert.NotNull(page.QuerySelector("button.button-objection"));

        // Another subscriber's id with Carla's MAC; a changed MAC; the withdrawal token in place of this one.
        var bytes = Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/') + "===".Substring(0, (4 - token.Length % 4) % 4));
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes, dora.Id);
        var borrowed = Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var flipped = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');
        var withdrawToken = withdrawLink[(withdrawLink.IndexOf("token=") + 6)..];
        foreach (var bad in new[] { borrowed, flipped, withdrawToken, "", "%00" })
        {
            var (shown, errorPage) = await app.GetPageAsync($"/newsletter/einstellungen?token={bad}");
            Assert.Equal(HttpStatusCode.BadRequest, shown.StatusCode);
            Assert.Equal("Link ungültig", errorPage.QuerySelector("h1")!.TextContent);
            foreach (var handler in new[] { "Topics", "Withdraw", "Pause" })
            {
                var posted = await PostAsync(app, $"/newsletter/einstellungen?token={bad}&handler={handler}", ("themen", $"{markets}"), ("monate", "1"));
                Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
                Assert.Contains("Link ungültig", await posted.Content.ReadAsStringAsync());
            }
        }
        Assert.Equal(before, (await app.EventsAsync(carla.Id)).Count + (await app.EventsAsync(dora.Id)).Count);
        Assert.Equal(SubscriberStatus.Confirmed, (await app.SubscriberAsync("dora@example.de"))!.Status);
        Assert.Null((await app.SubscriberAsync("dora@example.de"))!.PausedUntilUtc);

        // Unticking everything is refused with a German message, and loses nothing.
        var none = await PostAsync(app, link + "&handler=Topics");
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("Bitte wählen Sie mindestens ein Thema", await none.Content.ReadAsStringAsync());
        Assert.Equal(3, await app.InScopeAsync(sp => sp.GetRequiredService<GoldfederDb>().SubscriberTopics.CountAsync(t => t.SubscriberId == carla.Id)));
    }

    [Fact]
    public async Task A_pause_keeps_every_campaign_away_until_it_ends_then_mails_arrive_again()
    {
        await using var app = GoldfederApp.With(CampaignFixtures.Quick(_smtp)).WithFakeClock();
        await app.ConfirmedAsync(_smtp, "emil@example.de");
        var link = PathOf(LinkIn((await _smtp.WaitForAsync("emil@example.de", 2))[1], "/newsletter/einstellungen"));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(app, link + "&handler=Pause", ("monate", "1"))).StatusCode);
        var emil = (await app.SubscriberAsync("emil@example.de"))!;
        Assert.True(emil.PausedUntilUtc > app.Clock!.GetUtcNow().UtcDateTime.AddDays(27));
        Assert.Equal(ConsentEventKind.Paused, (await app.EventsAsync(emil.Id)).Last().Kind);

        var during = await app.CreateCampaignAsync("Während der Pause");
        Assert.Equal(0, await app.StartAsync(during));
        Assert.Equal(0, await app.InScopeAsync(sp => sp.GetRequiredService<CampaignAudience>().CountAsync([], default)));

        app.Clock!.Advance(TimeSpan.FromDays(32));
        var after = await app.CreateCampaignAsync("Nach der Pause");
        Assert.Equal(1, await app.StartAsync(after));
        var mail = (await _smtp.WaitForSubjectAsync("Nach der Pause", 1)).Single();
        Assert.Equal("emil@example.de", mail.To.Mailboxes.Single().Address);
        Assert.Empty(_smtp.CampaignMails("Während der Pause"));
    }

    [Fact]
    public async Task Imported_rows_get_their_topics_from_the_column_or_the_default_recorded_in_the_imported_event()
    {
        await using var app = GoldfederApp.With(CampaignFixtures.Quick(_smtp));
        var (markets, products, offers) = await TopicsAsync(app);
        var refused = await app.ImportAsync("address,consent_time,source,topics\nx@example.de,2025-03-01T10:00:00Z,Shop,Goldbarren\n");
        Assert.True(refused.Refused);
        Assert.Contains("Zeile 2: Das Thema „Goldbarren“ gibt es nicht", refused.Errors.Single());

        var csv = "address,consent_time,source,topics\nmit@example.de,2025-03-01T10:00:00Z,Shop,Marktberichte|sonderangebote\nohne@example.de,2025-03-01T10:00:00Z,Shop,\n";
        var result = await app.InScopeAsync(sp => sp.GetRequiredService<SubscriberImport>()
            .ImportAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), "kunden.csv", default, [products]));
        Assert.Equal(2, result.Imported);
        async Task<(List<int?> Topics, string Detail)> Imported(string email)
        {
            var events = (await app.EventsAsync((await app.SubscriberAsync(email))!.Id)).Where(e => e.Kind == ConsentEventKind.Imported).ToList();
            return (events.Select(e => e.TopicId).Order().ToList(), events.Single(e => e.TopicId == null).Detail!);
        }
        var with = await Imported("mit@example.de");
        Assert.Equal([null, markets, offers], with.Topics);
        Assert.EndsWith("Themen: Marktberichte, Sonderangebote", with.Detail);
        var without = await Imported("ohne@example.de");
        Assert.Equal([null, products], without.Topics);
        Assert.EndsWith("Themen: Produktneuheiten", without.Detail);
    }

    [Fact]
    public async Task Stale_consent_is_listed_after_24_months_asked_once_and_either_renewed_by_one_click_or_paused()
    {
        await using var app = GoldfederApp.With(CampaignFixtures.Quick(_smtp)).WithFakeClock();
        foreach (var name in new[] { "frida", "gustav", "hanna" }) await app.ConfirmedAsync(_smtp, $"{name}@example.de");
        async Task<List<string>> Stale() => (await app.InScopeAsync(sp => sp.GetRequiredService<StaleSubscribers>().ListAsync(100, default))).Select(e => e.Email).Order().ToList();

        // Hanna got a newsletter a month before the 24 months are up; the others nothing.
        var hannaMail = await app.CreateCampaignAsync("Zwischendurch");
        await app.InScopeAsync(sp => sp.GetRequiredService<CampaignAudience>().SetTopicsAsync(hannaMail, [], default));
        app.Clock!.Advance(TimeSpan.FromDays(700));
        Assert.Empty(await Stale());
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<GoldfederDb>();
            var hanna = await db.Subscribers.SingleAsync(s => s.NormalizedEmail == "hanna@example.de");
            db.Deliveries.Add(new Delivery { CampaignId = hannaMail, SubscriberId = hanna.Id, Status = DeliveryStatus.Sent, SentAtUtc = app.Clock.GetUtcNow().UtcDateTime, NextAttemptAtUtc = app.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        });
        app.Clock.Advance(TimeSpan.FromDays(31));
        Assert.Equal(["frida@example.de", "gustav@example.de"], await Stale());

        // Marketing asks them: one mail each, one event each, and they leave the list.
        var asked = await app.InScopeAsync(async sp => await sp.GetRequiredService<Repermission>()
            .AskAsync(await sp.GetRequiredService<StaleSubscribers>().IdsAsync(100, default), "http://localhost", "marketing", default));
        Assert.Equal(2, asked);
        Assert.Empty(await Stale());
        var question = (await _smtp.WaitForAsync("frida@example.de", 3))[2];
        Assert.Equal("Möchten Sie unseren Newsletter weiter erhalten?", question.Subject);
        var link = PathOf(LinkIn(question, "/newsletter/einstellungen"));

        // Her mail scanner's GET shows the button and renews nothing; her click does.
        var frida = (await app.SubscriberAsync("frida@example.de"))!;
        var (shown, page) = await app.GetPageAsync(link);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal("Möchten Sie unseren Newsletter weiter erhalten?", page.QuerySelector("#weiter-heading")!.TextContent);
        Assert.Equal(ConsentEventKind.RepermissionAsked, (await app.EventsAsync(frida.Id)).Last().Kind);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(app, link + "&handler=Reconfirm")).StatusCode);
        Assert.Equal(ConsentEventKind.Reconfirmed, (await app.EventsAsync(frida.Id)).Last().Kind);

        // Gustav does not answer: after 30 days he is paused, in the ledger, and no campaign reaches him.
        app.Clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(0, await app.InScopeAsync(sp => sp.GetRequiredService<Repermission>().PauseUnansweredAsync(default)));
        app.Clock.Advance(TimeSpan.FromDays(2));
        var gustav = (await app.SubscriberAsync("gustav@example.de"))!;
        await Eventually.ValueAsync(async () => (await app.SubscriberAsync("gustav@example.de"))!.PausedUntilUtc, p => p == Preferences.UntilAnswered,
            TimeSpan.FromSeconds(30), p => $"gustav is not paused: {p}");
        Assert.Equal(ConsentEventKind.Paused, (await app.EventsAsync(gustav.Id)).Last().Kind);
        Assert.Empty(await Stale());
        var next = await app.CreateCampaignAsync("Nach der Nachfrage");
        Assert.Equal(2, await app.StartAsync(next));
        await app.WaitForStatusAsync(next, CampaignStatus.Sent);
        Assert.Equal(["frida@example.de", "hanna@example.de"], _smtp.CampaignMails("Nach der Nachfrage").Select(m => m.To.Mailboxes.Single().Address).Order());
    }

    internal static async Task<(int Markets, int Products, int Offers)> TopicsAsync(GoldfederApp app)
    {
        var topics = await app.InScopeAsync(sp => sp.GetRequiredService<NewsletterTopics>().ActiveAsync(default));
        return (topics.Single(t => t.Name == "Marktberichte").Id, topics.Single(t => t.Name == "Produktneuheiten").Id, topics.Single(t => t.Name == "Sonderangebote").Id);
    }

    private static async Task<int> CampaignToAsync(GoldfederApp app, string subject, params int[] topics)
    {
        var id = await app.CreateCampaignAsync(subject);
        Assert.True(await app.InScopeAsync(sp => sp.GetRequiredService<CampaignAudience>().SetTopicsAsync(id, topics, default)));
        return id;
    }

    internal static Task<HttpResponseMessage> PostAsync(GoldfederApp app, string url, params (string Key, string Value)[] form)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Key, f.Value))) };
        request.Headers.UserAgent.ParseAdd("Testbrowser/1.0");
        return app.Browser().SendAsync(request);
    }

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _smtp.DisposeAsync();
}
