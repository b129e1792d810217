using System.Net;
using Goldfeder.Data;
using Goldfeder.Mail;
using Goldfeder.Features.Careers;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Goldfeder.Tests.Infrastructure.CareersFixtures;

namespace Goldfeder.Tests.Features.Careers;

/// <summary>
/// The application form sends a mail to an address nobody has verified. Tried as an attacker would: a "name" that is an
/// advertisement with a link, and many applications naming one victim's address.
/// </summary>
public sealed class MailAbuseTests : IAsyncLifetime
{
    private readonly TestSmtpServer _smtp = new();
    private readonly GoldfederApp _app;

    public MailAbuseTests()
    {
        var (settings, _) = CareersFixtures.Settings(new(_smtp.Settings()) { ["Careers:HrNotificationAddress"] = "personal@example.de" });
        _app = GoldfederApp.With(settings);
    }

    [Theory]
    [InlineData("Gewinnbenachrichtigung: Sie haben 5.000 € gewonnen, https://evil.example/gold", true)]
    [InlineData("Gold gratis auf evil.example", true)]
    [InlineData("Besuchen Sie www.gold-gewinn.de", true)]
    [InlineData("Schreiben Sie an gewinn@evil.example", true)]
    [InlineData("Gold hxxp://evil.example/x", true)]
    [InlineData("Erika Mustermann", false)]
    [InlineData("Dr. Hans-Peter Müller-Lüdenscheidt", false)]
    [InlineData("Zoë O'Brien", false)]
    public void A_name_that_mail_clients_would_turn_into_a_link_is_refused(string name, bool refused) =>
        Assert.Equal(refused, ApplicationForm.LooksLikeLink(name));

    [Fact]
    public async Task A_name_carrying_a_link_or_a_long_text_is_refused_in_german_and_nothing_is_mailed()
    {
        var link = await _app.ApplyAsync(Advisor, Form(name: "Gewinnbenachrichtigung: Ihr Gewinn wartet auf https://evil.example/gold", email: "opfer@example.de"));
        var longText = await _app.ApplyAsync(Advisor, Form(name: new string('x', 101), email: "opfer@example.de"));

        Assert.Equal(HttpStatusCode.BadRequest, link.StatusCode);
        Assert.Contains("Der Name darf keine Internetadresse enthalten.", await link.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, longText.StatusCode);
        Assert.Contains("höchstens 100 Zeichen", await longText.Content.ReadAsStringAsync());
        Assert.Empty(await _app.ApplicationsAsync());
        Assert.Equal(0, await OutboxCountAsync("opfer@example.de"));
    }

    [Fact]
    public async Task One_address_gets_at_most_three_confirmations_a_day_but_hr_gets_every_application()
    {
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await _app.ApplyAsync(Advisor, Form(email: i % 2 == 0 ? "opfer@example.de" : "Opfer@Example.de"))).StatusCode);

        Assert.Equal(5, (await _app.ApplicationsAsync()).Count);
        Assert.Equal(3, await OutboxCountAsync("opfer@example.de"));
        Assert.Equal(5, await OutboxCountAsync("personal@example.de"));
        await _smtp.WaitForAsync("opfer@example.de", 3);
    }

    private Task<int> OutboxCountAsync(string recipient) =>
        _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().OutboxMails.CountAsync(m => m.Recipient.ToLower() == recipient));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }
}
