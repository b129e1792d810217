using System.Net;
using System.Net.Http.Json;
using Goldfeder.Features.Newsletter;
using Goldfeder.Tests.Infrastructure;
using static Goldfeder.Tests.Infrastructure.AdminFixtures;

namespace Goldfeder.Tests.Features.Campaigns.Admin;

/// <summary>Marketing keeps the topics; a change to the offer is a new consent-text version; the editor counts per topic.</summary>
public sealed class TopicAdminTests : IAsyncLifetime
{
    private readonly TestSmtpServer _smtp = new();

    [Fact]
    public async Task Marketing_adds_and_retires_topics_each_change_is_a_new_consent_version_and_the_editor_counts_recipients_per_topic()
    {
        await using var app = GoldfederApp.With(CampaignFixtures.Quick(_smtp));
        await app.ConfirmedAsync(_smtp, "ida@example.de");
        var marketing = await app.StaffAsync("Marketing");
        var version = async (string email) => (await app.InScopeAsync(sp => sp.GetRequiredService<ConsentLedger>().ProofAsync(email, default)))!.Events[0].ConsentText!;
        var first = await version("ida@example.de");

        // A new topic, then a name that exists: refused in German, nothing added.
        var page = await marketing.GetStringAsync("/admin/newsletter/themen");
        var added = await marketing.PostAsync("/admin/newsletter/themen?handler=Save", Form(TokenIn(page), ("name", "Edelmetall-Wissen"), ("beschreibung", "Hintergründe zu Gold und Silber.")));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var twice = await marketing.PostAsync("/admin/newsletter/themen?handler=Save", Form(TokenIn(page), ("name", "Edelmetall-Wissen"), ("beschreibung", "Noch einmal.")));
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("Ein Thema mit diesem Namen gibt es schon.", await twice.Content.ReadAsStringAsync());
        var topics = await app.InScopeAsync(sp => sp.GetRequiredService<NewsletterTopics>().AllAsync(default));
        Assert.Equal(["Marktberichte", "Produktneuheiten", "Sonderangebote", "Edelmetall-Wissen"], topics.Select(t => t.Name));

        // The box offers it, and the next signup's declaration is a new version naming it.
        Assert.Contains("Edelmetall-Wissen", await app.Browser().GetStringAsync("/newsletter"));
        await app.ConfirmedAsync(_smtp, "jan@example.de");
        var second = await version("jan@example.de");
        Assert.Equal(first.Version + 1, second.Version);
        Assert.Contains("Edelmetall-Wissen – Hintergründe zu Gold und Silber.", second.Text);

        // Retired: no longer offered, still known to the ledger; the next signup gets a third version.
        var sale = topics.Single(t => t.Name == "Sonderangebote");
        Assert.Equal(HttpStatusCode.Redirect, (await marketing.PostAsync("/admin/newsletter/themen?handler=Retire", Form(TokenIn(page), ("id", $"{sale.Id}"), ("ruhend", "true")))).StatusCode);
        Assert.DoesNotContain("Sonderangebote –", await app.Browser().GetStringAsync("/newsletter"));
        await app.ConfirmedAsync(_smtp, "kim@example.de");
        var third = await version("kim@example.de");
        Assert.Equal(second.Version + 1, third.Version);
        Assert.DoesNotContain("Sonderangebote –", third.Text);
        Assert.Contains("stillgelegt", await marketing.GetStringAsync("/admin/newsletter/themen"));

        // The editor: per topic, how many it would reach now. Ida and Jan hold Marktberichte; only Jan and Kim the new one.
        var editor = await marketing.GetStringAsync("/admin/newsletter/bearbeiten");
        var created = await marketing.PostAsync("/admin/newsletter/bearbeiten", Form(TokenIn(editor),
            ("Input.Subject", "Wissen kompakt"), ("Input.BodyMarkdown", "Text"), ("Input.Topics", $"{topics.Single(t => t.Name == "Edelmetall-Wissen").Id}")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var edit = await marketing.GetStringAsync(created.Headers.Location!.OriginalString);
        Assert.Contains("Marktberichte (3 Empfänger)", edit);
        Assert.Contains("Edelmetall-Wissen (2 Empfänger)", edit);
        Assert.Contains("Mit der gespeicherten Auswahl: <strong>2 Empfänger</strong>", edit);
    }

    [Fact]
    public async Task Marketing_sees_an_old_imported_list_as_stale_and_asks_it_once_from_the_page()
    {
        await using var app = GoldfederApp.With(CampaignFixtures.Quick(_smtp));
        var csv = "address,consent_time,source\nalt1@example.de,2023-01-10T10:00:00Z,Messe\nalt2@example.de,2023-02-10T10:00:00Z,Messe\nneu@example.de,2026-01-10T10:00:00Z,Shop\n";
        Assert.Equal(3, (await app.ImportAsync(csv)).Imported);
        var marketing = await app.StaffAsync("Marketing");

        var page = await marketing.GetStringAsync("/admin/newsletter/erneuerung");
        Assert.Contains("<strong>2</strong> Abonnenten betroffen", page);
        Assert.Contains("alt1@example.de", page);
        Assert.DoesNotContain("neu@example.de", page);
        var asked = await marketing.PostAsync("/admin/newsletter/erneuerung", Form(TokenIn(page)));
        Assert.Equal("/admin/newsletter/erneuerung?gefragt=2", asked.Headers.Location?.OriginalString);
        Assert.Equal("Möchten Sie unseren Newsletter weiter erhalten?", (await _smtp.WaitForAsync("alt2@example.de")).Single().Subject);
        Assert.Contains("<strong>0</strong> Abonnenten betroffen", await marketing.GetStringAsync("/admin/newsletter/erneuerung"));
        Assert.Empty(_smtp.To("neu@example.de"));
        var alt1 = (await app.SubscriberAsync("alt1@example.de"))!;
        Assert.Equal(ConsentEventKind.RepermissionAsked, (await app.EventsAsync(alt1.Id)).Last().Kind);
    }

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _smtp.DisposeAsync();
}
