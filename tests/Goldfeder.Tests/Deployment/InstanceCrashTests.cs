using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Goldfeder.Tests.Infrastructure;

namespace Goldfeder.Tests.Deployment;

/// <summary>
/// Issue 13: a campaign sent by two instances, one of which dies by SIGKILL a third of the way through. Its own
/// fixture, because the instance stays dead.
/// </summary>
[Trait("Category", TwoInstanceSite.Trait)]
public sealed class InstanceCrashTests(TwoInstanceSite site) : IClassFixture<TwoInstanceSite>
{
    private const int Recipients = 5000;
    private const string Subject = "Fünftausend an zwei Instanzen";

    [Fact]
    public async Task Both_instances_send_one_campaign_and_the_survivor_finishes_after_the_other_is_killed()
    {
        var import = await Api(0).PostAsync("/api/admin/subscribers/import?file=liste.csv", new StringContent(CampaignFixtures.Csv(Recipients), Encoding.UTF8, "text/csv"));
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
        var created = await Api(0).PostAsJsonAsync("/api/admin/campaigns", new { subject = Subject, bodyMarkdown = "## Neues\n\nDer Goldpreis steigt.", includeDigest = false });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var send = await Api(0).PostAsync($"/api/admin/campaigns/{id}/send", null);
        Assert.True(send.IsSuccessStatusCode, await send.Content.ReadAsStringAsync());

        await Eventually.TrueAsync(() => site.Smtp.Received.Count >= Recipients / 3, TimeSpan.FromSeconds(60), "a third of the campaign was not sent");
        var sentByA = await SentByAsync(0);
        var sentByB = await SentByAsync(1);
        await site.KillAsync(0);
        Assert.True(sentByA > 0 && sentByB > 0, $"not both instances sent: A {sentByA}, B {sentByB}");

        // B takes over what A had claimed once A's lease (10 s here) has run out.
        var done = await Eventually.ValueAsync(async () => await Api(1).GetFromJsonAsync<JsonElement>($"/api/admin/campaigns/{id}"),
            p => p.GetProperty("status").GetString() == "Sent", TimeSpan.FromSeconds(120), p => $"the campaign did not finish on B: {p}");
        Assert.Equal(Recipients, done.GetProperty("sent").GetInt32());

        var perRecipient = site.Smtp.Received.Where(m => m.Subject == Subject)
            .GroupBy(m => m.To.Mailboxes.Single().Address).ToDictionary(g => g.Key, g => g.Count());
        var duplicates = perRecipient.Values.Sum(n => n - 1);
        Console.WriteLine($"InstanceCrashTests: {Recipients} recipients, A sent {sentByA} and B {sentByB} before the kill, {duplicates} sent twice (in flight on A when it died)");
        Assert.Equal(Recipients, perRecipient.Count);
        Assert.True(perRecipient.Values.All(n => n <= 2), "a recipient got the campaign more than twice");
        // The in-flight bound: what A had claimed and not yet recorded, at most one batch (Campaigns:BatchSize = 150 here).
        Assert.True(duplicates <= 150, $"{duplicates} recipients got the campaign twice, more than the one batch A had in flight");
    }

    private async Task<long> SentByAsync(int i) =>
        TwoInstancesTests.SentBy(await site.Client(port: site.MetricsPorts[i], scheme: "http").GetStringAsync("/metrics"));

    private HttpClient Api(int i)
    {
        var client = site.Instance(i);
        client.DefaultRequestHeaders.Add("X-Api-Key", DeployedSite.ApiKey);
        return client;
    }
}
