using System.Net;
using Goldfeder.Data;
using Goldfeder.Mail;
using Goldfeder.Features.Newsletter;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Tests.Features.Newsletter;

/// <summary>Repeated signups of one unverified address, as from many IPs: the address's owner gets only a few mails a day.</summary>
public sealed class ConfirmationFloodTests : IAsyncLifetime
{
    private readonly TestSmtpServer _smtp = new();

    [Fact]
    public async Task An_unverified_address_gets_at_most_three_confirmation_mails_a_day_however_often_it_is_signed_up()
    {
        // No quiet period at all, and a rate limit no IP reaches: only the per-address cap stands in the way.
        await using var app = GoldfederApp.With(new(_smtp.Settings())
        {
            ["Newsletter:ResendConfirmationAfter"] = "00:00:00",
            ["Newsletter:SignupsPerIpPerWindow"] = "1000",
        });

        for (var i = 0; i < 8; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await app.SignUpAsync("opfer@example.de")).StatusCode);

        var subscriber = (await app.SubscriberAsync("opfer@example.de"))!;
        Assert.Equal(3, (await app.EventsAsync(subscriber.Id)).Count(e => e.Kind == ConsentEventKind.Requested && e.TopicId == null));
        Assert.Equal(3, await app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().OutboxMails.CountAsync(m => m.Recipient == "opfer@example.de")));
        await _smtp.WaitForAsync("opfer@example.de", 3);
    }

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _smtp.DisposeAsync();
}
