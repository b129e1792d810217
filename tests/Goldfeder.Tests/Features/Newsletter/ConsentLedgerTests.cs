using Goldfeder.Mail;
using Goldfeder.Common;
using System.Net;
using System.Text.Json;
using Goldfeder.Data;
using Goldfeder.Features.Newsletter;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Goldfeder.Tests.Features.Newsletter;

public sealed class ConsentLedgerTests : IAsyncLifetime
{
    private readonly TestSmtpServer _smtp = new();
    private readonly GoldfederApp _app;

    public ConsentLedgerTests() => _app = GoldfederApp.With(_smtp.Settings());

    [Fact]
    public async Task Events_cannot_be_changed_even_by_hand_in_the_database()
    {
        await _app.SignUpAsync("unveraenderlich@example.de");

        var error = await Assert.ThrowsAnyAsync<Exception>(() => _app.InScopeAsync(s =>
            s.GetRequiredService<GoldfederDb>().ConsentEvents.ExecuteUpdateAsync(u => u.SetProperty(e => e.IpAddress, "10.0.0.1"))));

        Assert.Contains("append-only", error.Message + error.InnerException?.Message);
    }

    [Fact]
    public async Task A_new_consent_wording_becomes_a_new_version_shown_on_the_form_and_the_old_proof_keeps_its_text()
    {
        await _app.SignUpAsync("alt@example.de");
        var newWording = "Ich willige ein, den Newsletter per E-Mail zu erhalten. Widerruf jederzeit möglich.";
        await using var changed = GoldfederApp.With(new(_smtp.Settings()) { ["Site:NewsletterBox:Consent"] = newWording }, _app.ConnectionString);

        var (_, page) = await changed.GetPageAsync("/newsletter");
        Assert.Equal(newWording, page.QuerySelector(".newsletter-consent")!.TextContent);
        await changed.SignUpAsync("neu@example.de");

        var ledger = (string email) => changed.InScopeAsync(s => s.GetRequiredService<ConsentLedger>().ProofAsync(email, default));
        var oldText = (await ledger("alt@example.de"))!.Events.Single(e => e.Topic is null).ConsentText!;
        var newText = (await ledger("neu@example.de"))!.Events.Single(e => e.Topic is null).ConsentText!;
        Assert.Equal(1, oldText.Version);
        Assert.StartsWith("Durch Eingabe Ihrer E-Mail-Adresse", oldText.Text);
        Assert.Equal(2, newText.Version);
        // The declaration as shown: the wording, then the topics offered beside it.
        Assert.StartsWith(newWording + "\n\nThemen zur Auswahl", newText.Text);
        Assert.Contains("Marktberichte – ", newText.Text);
        Assert.Equal(ConsentText.HashOf(newText.Text), newText.Sha256);
    }

    [Fact]
    public async Task Unconfirmed_signups_past_their_period_are_deleted_with_everything_about_them()
    {
        await using var app = GoldfederApp.With(_smtp.Settings()).WithFakeClock();
        var clock = app.Clock!;
        var options = app.Services.GetRequiredService<IOptions<NewsletterOptions>>().Value;
        await app.SignUpAsync("vergessen@example.de");
        await app.ConfirmedAsync(_smtp, "bestaetigt@example.de");
        await _smtp.WaitForAsync("vergessen@example.de");

        // Just before the period ends, the cleaner's passes (its timer fires every interval on the way) leave it alone.
        clock.Advance(options.DeleteUnconfirmedAfter - options.CleanupInterval);
        var cleaner = app.Services.GetServices<IHostedService>().OfType<UnconfirmedSignupCleaner>().Single();
        Assert.Equal(0, await cleaner.DeleteExpiredAsync(default));
        Assert.NotNull(await app.SubscriberAsync("vergessen@example.de"));
        await app.SignUpAsync("frisch@example.de");

        // Two intervals on, the period is over and the cleaner's timer has fired: the unconfirmed signup is gone.
        clock.Advance(2 * options.CleanupInterval);
        await Eventually.TrueAsync(async () => await app.SubscriberAsync("vergessen@example.de") is null, Eventually.Soon,
            $"the cleaner did not delete the signup {options.DeleteUnconfirmedAfter} after it was made");
        Assert.NotNull(await app.SubscriberAsync("bestaetigt@example.de"));
        Assert.NotNull(await app.SubscriberAsync("frisch@example.de"));
        var leftovers = await app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<GoldfederDb>();
            return await db.OutboxMails.CountAsync(m => m.Recipient == "vergessen@example.de")
                + await db.ConsentEvents.CountAsync(e => e.Detail != null && e.Detail.Contains("vergessen"));
        });
        Assert.Equal(0, leftovers);
    }

    [Fact]
    public async Task Too_many_signups_from_one_address_get_429_with_a_german_page()
    {
        await using var app = GoldfederApp.With(new(_smtp.Settings()) { ["Newsletter:SignupsPerIpPerWindow"] = "3" });
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await app.SignUpAsync($"viele{i}@example.de")).StatusCode);

        var refused = await app.SignUpAsync("zuviel@example.de");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Zu viele Anfragen", await refused.Content.ReadAsStringAsync());
        Assert.Null(await app.SubscriberAsync("zuviel@example.de"));
        Assert.Equal(HttpStatusCode.OK, (await app.Browser().GetAsync("/newsletter")).StatusCode);
    }

    [Fact]
    public async Task The_operator_command_prints_the_proof_as_json()
    {
        await _app.ConfirmedAsync(_smtp, "nachweis@example.de");

        var (code, output) = await _app.RunCommandAsync("consent", "proof", "Nachweis@Example.de");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("Confirmed", json.RootElement.GetProperty("status").GetString());
        var events = json.RootElement.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["Requested", "Confirmed"], events.Where(e => e.GetProperty("topic").ValueKind == JsonValueKind.Null).Select(e => e.GetProperty("kind").GetString()));
        // Signed up without ticking a topic: every topic offered, each asked for and confirmed.
        Assert.Equal(6, events.Count(e => e.GetProperty("topic").ValueKind == JsonValueKind.String));
        Assert.All(events, e => Assert.StartsWith("Durch Eingabe", e.GetProperty("consentText").GetProperty("text").GetString()));
        Assert.Equal(1, (await _app.RunCommandAsync("consent", "proof", "niemand@example.de")).Code);
    }

    [Fact]
    public async Task Export_holds_everything_stored_about_the_address()
    {
        await _app.ConfirmedAsync(_smtp, "auskunft@example.de");

        var (code, output) = await _app.RunCommandAsync("consent", "export", "auskunft@example.de");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("auskunft@example.de", json.RootElement.GetProperty("E-Mail-Adresse").GetString());
        var sections = json.RootElement.GetProperty("Bereiche").EnumerateArray().ToDictionary(s => s.GetProperty("Bereich").GetString()!);
        var newsletter = sections["Newsletter-Einwilligung"];
        Assert.Contains("Art. 6", newsletter.GetProperty("Zweck").GetString());
        Assert.Equal(["Anmeldung", "Bestätigung"], newsletter.GetProperty("Einträge").EnumerateArray().Skip(1)
            .Where(e => e.GetProperty("Thema").GetString() == "ganzes Abonnement").Select(e => e.GetProperty("Ereignis").GetString()));
        Assert.Equal(2, sections["E-Mails an Sie (Bestätigungen und Benachrichtigungen)"].GetProperty("Einträge").GetArrayLength());
    }

    [Fact]
    public async Task Erasure_removes_every_personal_datum_and_keeps_an_anonymous_summary()
    {
        await _app.ConfirmedAsync(_smtp, "loeschen@example.de");
        // An entry from before the audit log named people by key: it held the address itself.
        await _app.InScopeAsync(s => s.GetRequiredService<Goldfeder.Common.AuditLog>().RecordAsync("dsb@example.de", "consent.proof.view", "loeschen@example.de"));

        var (code, _) = await _app.RunCommandAsync("consent", "erase", "loeschen@example.de");

        Assert.Equal(0, code);
        Assert.Null(await _app.SubscriberAsync("loeschen@example.de"));
        var (events, mails) = await _app.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<GoldfederDb>();
            return (await db.ConsentEvents.AsNoTracking().ToListAsync(), await db.OutboxMails.CountAsync());
        });
        var erased = Assert.Single(events);
        Assert.Equal(ConsentEventKind.Erased, erased.Kind);
        Assert.Null(erased.SubscriberId);
        Assert.Null(erased.IpAddress);
        Assert.Null(erased.UserAgent);
        Assert.DoesNotContain("loeschen", erased.Detail);
        Assert.Contains("Requested", erased.Detail);
        Assert.Contains("addressHash", erased.Detail);
        Assert.Equal(0, mails);
        var audit = await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().AuditEntries.OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["consent.proof.view", "consent.erase"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("(gelöschte Adresse)", a.Subject));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }
}
