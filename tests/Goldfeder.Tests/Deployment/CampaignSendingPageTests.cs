using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Goldfeder.Common;
using Goldfeder.Tests.Browser;
using Goldfeder.Tests.Infrastructure;
using Microsoft.Playwright;
using static Goldfeder.Tests.Deployment.StaffBrowser;

namespace Goldfeder.Tests.Deployment;

/// <summary>The published site whose one relay is a loopback port nobody listens on; a relay down for 15 s pauses a send.</summary>
public sealed class UnreachableRelaySite() : DeployedSite(1, redis: false, new()
{
    ["Mail:Relays:0:Name"] = "haupt",
    ["Mail:Relays:0:Host"] = "127.0.0.1",
    ["Mail:Relays:0:Port"] = ClosedPort.ToString(),
    ["Mail:Relays:0:Security"] = "None",
    ["Mail:Relays:0:TimeoutSeconds"] = "5",
    ["Mail:RelayRetryBase"] = "00:00:02",
    ["Mail:RelayRetryMax"] = "00:00:04",
    ["Campaigns:PauseWhenRelaysDownFor"] = "00:00:15",
})
{
    public static readonly int ClosedPort = Loopback.FreePort();
}

/// <summary>What the sending page shows as a send goes, clicked through as marketing does, on the published site.</summary>
public static class CampaignSending
{
    public static async Task ImportAsync(DeployedSite site, int count)
    {
        var file = Path.Combine(Path.GetTempPath(), $"goldfeder-import-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, CampaignFixtures.Csv(count));
        try
        {
            var imported = await site.RunAsync("", "subscribers", "import", file);
            Assert.True(imported.Code == 0, imported.Error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static async Task<int> CreateAsync(DeployedSite site, string subject)
    {
        using var client = site.Client();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/campaigns")
        {
            Content = JsonContent.Create(new { subject, bodyMarkdown = "Der Silberpreis steigt.", includeDigest = false }),
        };
        request.Headers.Add("X-Api-Key", DeployedSite.ApiKey);
        var created = await client.SendAsync(request);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
    }

    /// <summary>From the editor: "Jetzt an alle senden", then the confirmation's button; ends on the progress page.</summary>
    public static async Task SendAsync(IPage page, int id, int recipients)
    {
        await page.GotoAsync($"/admin/newsletter/bearbeiten/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Jetzt an alle senden" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Ja, an {recipients} Empfänger senden" }).ClickAsync();
        await page.ArrivedAsync($"**/admin/newsletter/versand/{id}");
    }
}

/// <summary>A send that ends before the progress page's first refresh: the page still comes to its final state.</summary>
public sealed class CampaignFinalStateTests(DeployedSite site, BrowserFixture browser) : IClassFixture<DeployedSite>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_send_to_five_that_ends_at_once_shows_versandt_the_figures_and_no_pause_button()
    {
        await CampaignSending.ImportAsync(site, 5);
        var id = await CampaignSending.CreateAsync(site, "Fünf Empfänger");
        await using var context = await ContextAsync(browser, site);
        var page = await LoginAsync(context, DeployedSite.AdminEmail, DeployedSite.AdminPassword);

        await CampaignSending.SendAsync(page, id, 5);
        await Assertions.Expect(page.Locator("[data-field=statusLabel]")).ToHaveTextAsync("versandt", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("[data-field=sent]")).ToHaveTextAsync("5");
        await Assertions.Expect(page.Locator("[data-field=remaining]")).ToHaveTextAsync("0");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Anhalten" })).ToHaveCountAsync(0);
        Assert.Equal(5, site.Smtp.Received.Count(m => m.Subject == "Fünf Empfänger"));
    }
}

/// <summary>
/// When the relay cannot be reached, the sending page and <c>campaigns send</c> say so, with the server's error and
/// the next try, instead of figures standing at zero.
/// </summary>
public sealed class UnreachableMailServerTests(UnreachableRelaySite site, BrowserFixture browser) : IClassFixture<UnreachableRelaySite>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_sending_page_and_the_send_command_name_the_error_and_the_next_try()
    {
        await CampaignSending.ImportAsync(site, 3);
        var id = await CampaignSending.CreateAsync(site, "Kein Server");
        await using var context = await ContextAsync(browser, site);
        var page = await LoginAsync(context, DeployedSite.AdminEmail, DeployedSite.AdminPassword);

        await CampaignSending.SendAsync(page, id, 3);
        var problem = page.Locator("[data-mail-server]");
        await Assertions.Expect(problem).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var text = await problem.InnerTextAsync();
        Assert.StartsWith("Der Mailserver ist nicht erreichbar (127.0.0.1:" + UnreachableRelaySite.ClosedPort + ": ", text);
        AssertSoon(Regex.Match(text, @"nächster Versuch um (\d\d:\d\d) Uhr"), TimeSpan.FromMinutes(1));
        await Assertions.Expect(page.Locator("[data-field=sent]")).ToHaveTextAsync("0");
        // Down for longer than the site allows: paused with the reason, the page reloads to say so.
        await Assertions.Expect(page.Locator("[data-field=statusLabel]")).ToHaveTextAsync("angehalten", new() { Timeout = 40_000 });
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Kein Relay nimmt Mails an");

        // The operator command sends in a process of its own, so it reports its own tries; the site is stopped so
        // that the command is the one trying.
        await site.KillAsync(0);
        var body = Path.Combine(Path.GetTempPath(), $"goldfeder-body-{Guid.NewGuid():N}.md");
        await File.WriteAllTextAsync(body, "Der Goldpreis steigt.");
        var created = await site.RunAsync("", "campaigns", "create", "--subject", "Kein Server, Kommandozeile", "--body-file", body);
        File.Delete(body);
        Assert.True(created.Code == 0, created.Error);
        var sent = await site.RunAsync("", "campaigns", "send", created.Output.Trim());
        Assert.True(sent.Code == 3, $"{sent.Code}: {sent.Output}\n{sent.Error}");
        var line = Regex.Match(sent.Error, @$"mail server not reachable \(127\.0\.0\.1:{UnreachableRelaySite.ClosedPort}: [^)]+\); next try at (\d\d:\d\d):\d\d \(Europe/Berlin\); the recipients stay queued");
        AssertSoon(line, TimeSpan.FromMinutes(1));
        Assert.Contains("paused: Kein Relay nimmt Mails an", sent.Error);
    }

    /// <summary>The Berlin time HH:mm a match captured lies between a minute ago and the given time from now.</summary>
    private static void AssertSoon(Match match, TimeSpan within)
    {
        Assert.True(match.Success, "no next try named");
        var now = BerlinTime.ToBerlin(DateTime.UtcNow);
        var shown = now.Date + TimeSpan.ParseExact(match.Groups[1].Value, @"hh\:mm", CultureInfo.InvariantCulture);
        if (shown < now.AddHours(-12)) shown = shown.AddDays(1);
        var thisMinute = now.Date + new TimeSpan(now.Hour, now.Minute, 0);
        Assert.InRange(shown, thisMinute.AddMinutes(-1), now + within);
    }
}
