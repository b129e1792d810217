using System.Net;
using Goldfeder.Features.Newsletter;
using Goldfeder.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using static Goldfeder.Tests.Infrastructure.NewsletterFixtures;

namespace Goldfeder.Tests.Features.Newsletter;

public sealed class SignupJourneyTests : IAsyncLifetime
{
    private readonly TestSmtpServer _smtp = new();
    private readonly GoldfederApp _app;

    // Real Kestrel on loopback, so the ledger sees a real client address.
    public SignupJourneyTests() => _app = GoldfederApp.With(_smtp.Settings()).OnKestrel();

    [Fact]
    public async Task From_the_article_form_to_confirmation_welcome_and_one_click_withdrawal_every_step_is_in_the_ledger()
    {
        // The form as the article page renders it.
        var (_, page) = await _app.GetPageAsync("/news/" + Seed.Slug);
        var form = page.QuerySelector(".newsletter-box form")!;
        var fields = form.QuerySelectorAll("input[name]:not([type=checkbox])").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        fields["email"] = "leserin@example.de";
        var posted = await _app.PostFormAsync(form.GetAttribute("action")!, fields, "Mozilla/5.0 Leserin");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/newsletter/danke", posted.Headers.Location?.OriginalString);
        Assert.Equal(SubscriberStatus.Pending, (await _app.SubscriberAsync("leserin@example.de"))!.Status);

        // The confirmation mail: neutral, German, both parts, a link.
        var confirmationMail = (await _smtp.WaitForAsync("leserin@example.de")).Single();
        Assert.Equal("Bitte bestätigen Sie Ihre Newsletter-Anmeldung", confirmationMail.Subject);
        Assert.NotNull(confirmationMail.HtmlBody);
        foreach (var advert in new[] { "Sonderangebot", "Produktneuheit", "Rabatt", "Angebot" })
            Assert.DoesNotContain(advert, confirmationMail.TextBody, StringComparison.OrdinalIgnoreCase);
        var confirmLink = PathOf(LinkIn(confirmationMail, "/newsletter/bestaetigen"));

        // Fetching the link (a mail scanner) shows the page and confirms nothing.
        var (fetched, confirmPage) = await _app.GetPageAsync(confirmLink);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal("no-store", fetched.Headers.CacheControl?.ToString());
        Assert.NotNull(confirmPage.QuerySelector("form[data-autosubmit] button"));
        Assert.NotNull(confirmPage.QuerySelector("script[src*='autosubmit']"));
        Assert.Equal(SubscriberStatus.Pending, (await _app.SubscriberAsync("leserin@example.de"))!.Status);

        // The page's script (or button) posts: confirmed.
        var confirmed = await _app.PostFormAsync(confirmLink, []);
        Assert.Equal("/newsletter/bestaetigt", confirmed.Headers.Location?.OriginalString);
        Assert.Equal(SubscriberStatus.Confirmed, (await _app.SubscriberAsync("leserin@example.de"))!.Status);

        // The welcome mail carries the withdrawal link and the one-click headers.
        var welcome = (await _smtp.WaitForAsync("leserin@example.de", 2))[1];
        var withdrawUrl = LinkIn(welcome, "/newsletter/abmelden");
        Assert.Equal($"<{withdrawUrl}>", welcome.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", welcome.Headers["List-Unsubscribe-Post"]);
        Assert.False(string.IsNullOrEmpty(welcome.Headers["List-Id"]));

        // A mailbox provider's one-click POST: no cookie, no token, 200.
        var oneClick = await _app.Browser().PostAsync(PathOf(withdrawUrl),
            new StringContent("List-Unsubscribe=One-Click", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        var subscriber = (await _app.SubscriberAsync("leserin@example.de"))!;
        Assert.Equal(SubscriberStatus.Withdrawn, subscriber.Status);

        var all = await _app.EventsAsync(subscriber.Id);
        var events = all.Where(e => e.TopicId is null).ToList();
        Assert.Equal([ConsentEventKind.Requested, ConsentEventKind.Confirmed, ConsentEventKind.Withdrawn], events.Select(e => e.Kind));
        // No topic ticked: each of the three offered was asked for, confirmed and withdrawn with the whole.
        Assert.Equal(9, all.Count(e => e.TopicId is not null));
        Assert.All(events, e => Assert.Equal(subscriber.ConsentTextId, e.ConsentTextId));
        Assert.Equal("/news/" + Seed.Slug, events[0].SourcePage);
        Assert.Equal("Mozilla/5.0 Leserin", events[0].UserAgent);
        Assert.False(string.IsNullOrEmpty(events[0].IpAddress));
        Assert.Equal("one-click", events[2].Detail);

        // The proof names the consent text word for word as the form showed it.
        var proof = await _app.InScopeAsync(s => s.GetRequiredService<ConsentLedger>().ProofAsync("Leserin@Example.de", default));
        var shown = page.QuerySelector(".newsletter-consent")!.TextContent;
        var stored = proof!.Events[0].ConsentText!.Text;
        Assert.All(proof.Events, e => Assert.Equal(stored, e.ConsentText!.Text));
        Assert.StartsWith(shown, stored);
        foreach (var topic in page.QuerySelectorAll(".newsletter-topics .topic-choice"))
            Assert.Contains(topic.QuerySelector("label")!.TextContent + " " + topic.QuerySelector(".topic-description")!.TextContent, stored);
        Assert.Equal(ConsentText.HashOf(stored), proof.Events[0].ConsentText!.Sha256);
    }

    [Fact]
    public async Task The_withdrawal_page_withdraws_by_its_form_and_a_mere_fetch_changes_nothing()
    {
        var withdrawUrl = PathOf(await _app.ConfirmedAsync(_smtp, "abmelden@example.de"));

        var (fetched, page) = await _app.GetPageAsync(withdrawUrl);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.NotNull(page.QuerySelector("form[data-autosubmit] button"));
        Assert.Equal(SubscriberStatus.Confirmed, (await _app.SubscriberAsync("abmelden@example.de"))!.Status);

        var posted = await _app.PostFormAsync(withdrawUrl, []);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Sie sind abgemeldet", await posted.Content.ReadAsStringAsync());
        var subscriber = (await _app.SubscriberAsync("abmelden@example.de"))!;
        Assert.Equal(SubscriberStatus.Withdrawn, subscriber.Status);

        // Twice is fine, and records nothing new.
        Assert.Equal(HttpStatusCode.OK, (await _app.PostFormAsync(withdrawUrl, [])).StatusCode);
        Assert.Single(await _app.EventsAsync(subscriber.Id), e => e.Kind == ConsentEventKind.Withdrawn && e.TopicId == null);
    }

    [Fact]
    public async Task Used_expired_and_made_up_links_get_a_clear_page()
    {
        await _app.SignUpAsync("links@example.de");
        var link = PathOf(LinkIn((await _smtp.WaitForAsync("links@example.de")).Single(), "/newsletter/bestaetigen"));
        await _app.PostFormAsync(link, []);

        var reused = await _app.PostFormAsync(link, []);
        Assert.Contains("Bereits bestätigt", await reused.Content.ReadAsStringAsync());

        var madeUp = await _app.PostFormAsync("/newsletter/bestaetigen?token=erfunden", []);
        Assert.Equal(HttpStatusCode.BadRequest, madeUp.StatusCode);
        Assert.Contains("Link ungültig", await madeUp.Content.ReadAsStringAsync());

        var badWithdrawal = await _app.PostFormAsync("/newsletter/abmelden?token=AAAAAAAAAAAAAAAAAAAAAAAAAAA", []);
        Assert.Equal(HttpStatusCode.BadRequest, badWithdrawal.StatusCode);
        Assert.Contains("Link ungültig", await badWithdrawal.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_expired_confirmation_link_confirms_nothing()
    {
        await using var app = GoldfederApp.With(_smtp.Settings()).WithFakeClock();
        await app.SignUpAsync("spaet@example.de");
        var link = PathOf(LinkIn((await _smtp.WaitForAsync("spaet@example.de")).Single(), "/newsletter/bestaetigen"));
        // A week (the link's lifetime) and a second later, on the site's clock.
        app.Clock!.Advance(app.Services.GetRequiredService<IOptions<NewsletterOptions>>().Value.ConfirmationValidFor + TimeSpan.FromSeconds(1));

        var response = await app.PostFormAsync(link, []);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Link abgelaufen", await response.Content.ReadAsStringAsync());
        Assert.Equal(SubscriberStatus.Pending, (await app.SubscriberAsync("spaet@example.de"))!.Status);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }
}
