using System.Net;
using Goldfeder.Data;
using Goldfeder.Features.Newsletter;
using Goldfeder.Mail;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Tests.Features.Newsletter;

public sealed class SignupInputTests : IAsyncLifetime
{
    private readonly TestSmtpServer _smtp = new();
    private readonly GoldfederApp _app;

    public SignupInputTests() => _app = GoldfederApp.With(new(_smtp.Settings()) { ["Newsletter:SignupsPerIpPerWindow"] = "1000" }).OnKestrel();

    [Fact]
    public async Task The_answer_is_the_same_for_new_pending_confirmed_and_withdrawn_addresses()
    {
        await _app.SignUpAsync("pending@example.de");
        await _app.ConfirmedAsync(_smtp, "confirmed@example.de");
        var withdraw = await _app.ConfirmedAsync(_smtp, "withdrawn@example.de");
        await _app.PostFormAsync(NewsletterFixtures.PathOf(withdraw), []);

        var answers = new List<string>();
        foreach (var email in new[] { "new@example.de", "pending@example.de", "confirmed@example.de", "withdrawn@example.de" })
        {
            var response = await _app.SignUpAsync(email);
            answers.Add($"{(int)response.StatusCode} {response.Headers.Location} {string.Join(",", response.Headers.Select(h => h.Key).Order())} {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Single(answers.Distinct());
        Assert.StartsWith("302 /newsletter/danke", answers[0]);
    }

    [Theory]
    [InlineData("", "Bitte geben Sie Ihre E-Mail-Adresse ein.")]
    [InlineData("   ", "Bitte geben Sie Ihre E-Mail-Adresse ein.")]
    [InlineData("ohne-at.de", "vollständige E-Mail-Adresse")]
    [InlineData("name@", "vollständige E-Mail-Adresse")]
    [InlineData("a..b@example.de", "nicht erlaubt")]
    [InlineData("<script>alert(1)</script>@example.de", "nicht erlaubt")]
    [InlineData("leser@example.de\r\nBcc: opfer@example.com", "nicht erlaubt")]
    [InlineData("jürgen@example.de", "nicht erlaubt")]
    [InlineData("leser@exa mple.de", "ungültig")]
    [InlineData("leser@localhost", "ungültig")]
    [InlineData("leser@123.45", "ungültig")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@example.de", "höchstens 64")]
    public async Task Bad_addresses_get_a_german_message_keep_the_typed_value_and_change_nothing(string email, string message)
    {
        var response = await _app.SignUpAsync(email);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Contains(message, page.QuerySelector("#newsletter-error")!.TextContent);
        Assert.Equal(string.IsNullOrWhiteSpace(email) ? "" : email, page.QuerySelector("#newsletter-email")!.GetAttribute("value") ?? "");
        Assert.DoesNotContain("<script>alert", html);
        Assert.Equal(0, await CountAsync(db => db.Subscribers));
        Assert.Equal(0, await CountAsync(db => db.OutboxMails));
    }

    [Fact]
    public async Task International_domains_are_stored_in_ascii_form_and_duplicates_are_found_whatever_the_case()
    {
        await _app.SignUpAsync("  Max.Mueller@Bücher.de ");
        await _app.SignUpAsync("max.mueller@BÜCHER.DE");
        await _app.SignUpAsync("MAX.MUELLER@example.de");

        var emails = await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().Subscribers.OrderBy(x => x.Id).Select(x => x.Email).ToListAsync());
        Assert.Equal(["Max.Mueller@xn--bcher-kva.de", "MAX.MUELLER@example.de"], emails);
        var mail = (await _smtp.WaitForAsync("Max.Mueller@xn--bcher-kva.de")).Single();
        Assert.Equal("Max.Mueller@xn--bcher-kva.de", mail.To.Mailboxes.Single().GetAddress(true));
    }

    [Fact]
    public async Task Fifty_parallel_signups_of_one_address_make_one_subscriber_and_one_mail()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => _app.SignUpAsync("parallel@example.de")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await CountAsync(db => db.Subscribers.Where(s => s.NormalizedEmail == "parallel@example.de")));
        Assert.Equal(1, await CountAsync(db => db.OutboxMails.Where(m => m.Recipient == "parallel@example.de")));
        Assert.Equal(1, await CountAsync(db => db.ConsentEvents.Where(e => e.Kind == ConsentEventKind.Requested && e.TopicId == null)));
    }

    [Fact]
    public async Task A_filled_honeypot_is_answered_like_a_person_and_stores_nothing()
    {
        var response = await _app.PostFormAsync("/newsletter", new() { ["email"] = "bot@example.de", ["website"] = "http://spam.example" });

        Assert.Equal("/newsletter/danke", response.Headers.Location?.OriginalString);
        Assert.Equal(0, await CountAsync(db => db.Subscribers));
    }

    [Fact]
    public async Task A_megabyte_address_gets_a_german_message_and_changes_nothing()
    {
        var response = await _app.SignUpAsync(new string('a', 1024 * 1024) + "@example.de");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Die E-Mail-Adresse ist zu lang.", html);
        Assert.True(html.Length < 100_000, "the page should not echo a megabyte back");
        Assert.Equal(0, await CountAsync(db => db.Subscribers));
    }

    [Fact]
    public async Task Script_in_the_source_page_field_is_stored_as_text_and_foreign_urls_are_dropped()
    {
        await _app.SignUpAsync("quelle@example.de", source: "/news/<script>alert(1)</script>");
        await _app.SignUpAsync("fremd@example.de", source: "https://evil.example/phish");

        var sources = await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().ConsentEvents.Where(e => e.TopicId == null).OrderBy(e => e.Id).Select(e => e.SourcePage).ToListAsync());
        Assert.Equal(["/news/<script>alert(1)</script>", null], sources);
    }

    private Task<int> CountAsync<T>(Func<GoldfederDb, IQueryable<T>> query) =>
        _app.InScopeAsync(s => query(s.GetRequiredService<GoldfederDb>()).CountAsync());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }
}
