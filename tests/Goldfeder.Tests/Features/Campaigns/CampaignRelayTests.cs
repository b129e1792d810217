using Goldfeder.Data;
using Goldfeder.Common;
using Goldfeder.Features.Campaigns;
using Goldfeder.Mail;
using Goldfeder.Tests.Infrastructure;
using static Goldfeder.Tests.Infrastructure.AdminFixtures;

namespace Goldfeder.Tests.Features.Campaigns;

/// <summary>
/// Several relays (<c>Mail:Relays</c>), each a real SMTP server in the test process or a port nobody listens on:
/// failover, a relay's "slow down" answers, a campaign's own relay, and a campaign with no relay that answers.
/// </summary>
public sealed class CampaignRelayTests : IAsyncLifetime
{
    private readonly TestSmtpServer _first = new();
    private readonly TestSmtpServer _second = new();

    [Fact]
    public async Task When_the_first_relay_is_down_every_mail_goes_out_over_the_next_and_nothing_counts_as_failed()
    {
        await using var app = GoldfederApp.With(Relays(("ausfall", Loopback.FreePort()), ("ersatz", _second.Port)));
        await app.ImportAsync(CampaignFixtures.Csv(60));
        var campaign = await app.CreateCampaignAsync();
        await app.StartAsync(campaign);

        var done = await app.WaitForStatusAsync(campaign, CampaignStatus.Sent);
        Assert.Equal((60, 0, 0), (done.Sent, done.Failed, done.Bounced));
        Assert.Equal(60, _second.CampaignMails().Select(m => m.To.Mailboxes.Single().Address).Distinct().Count());
        Assert.All(await app.DeliveriesAsync(campaign), d => Assert.Equal(1, d.Attempts));

        var status = await StatusAsync(app);
        Assert.Equal(60, status["ersatz"].Sent);
        Assert.Equal(0, status["ausfall"].Sent);
        Assert.True(status["ausfall"].Deferred >= 1);
        Assert.NotNull(status["ausfall"].LastError);
        Assert.NotNull(status["ausfall"].NextTryUtc);
    }

    [Theory]
    [InlineData(421)]
    [InlineData(451)]
    public async Task A_relays_slow_down_answers_rest_that_relay_and_count_as_no_attempt(int code)
    {
        _first.TemporaryFailureCode = code;
        _first.TemporaryFailuresLeft = 6;
        await using var app = GoldfederApp.With(Relays(("einzig", _first.Port)));
        await app.ImportAsync(CampaignFixtures.Csv(80));
        var campaign = await app.CreateCampaignAsync();
        await app.StartAsync(campaign);

        var done = await app.WaitForStatusAsync(campaign, CampaignStatus.Sent);
        Assert.Equal((80, 0), (done.Sent, done.Failed));
        Assert.Equal(80, _first.CampaignMails().Select(m => m.To.Mailboxes.Single().Address).Distinct().Count());
        Assert.Equal(80, _first.CampaignMails().Count);
        // Held back, not failed: no delivery used up an attempt for the relay's answer.
        Assert.All(await app.DeliveriesAsync(campaign), d => Assert.Equal(1, d.Attempts));
        var relay = (await StatusAsync(app))["einzig"];
        Assert.True(relay.Deferred >= 1, "no deferral was counted");
        Assert.StartsWith(code.ToString(), relay.LastError);
        Assert.Equal(80, relay.Sent);
    }

    [Fact]
    public async Task A_campaign_goes_out_over_the_relay_it_chose_only()
    {
        await using var app = GoldfederApp.With(Relays(("erstes", _first.Port), ("zweites", _second.Port)));
        await app.ImportAsync(CampaignFixtures.Csv(30));
        var campaign = await app.CreateCampaignAsync();
        Assert.Equal("Dieses Relay ist nicht eingerichtet. Eingerichtet: erstes, zweites.",
            await app.InScopeAsync(sp => sp.GetRequiredService<CampaignRelayChoice>().SetAsync(campaign, "drittes", default)));
        Assert.Null(await app.InScopeAsync(sp => sp.GetRequiredService<CampaignRelayChoice>().SetAsync(campaign, "Zweites", default)));
        await app.StartAsync(campaign);

        await app.WaitForStatusAsync(campaign, CampaignStatus.Sent);
        Assert.Equal(30, _second.CampaignMails().Count);
        Assert.Empty(_first.CampaignMails());
    }

    [Fact]
    public async Task A_campaign_whose_relay_refuses_every_connection_pauses_with_the_reason_and_loses_nothing()
    {
        await using var app = GoldfederApp.With(Relays(("tot", Loopback.FreePort())));
        await app.ImportAsync(CampaignFixtures.Csv(40));
        var campaign = await app.CreateCampaignAsync();
        await app.StartAsync(campaign);

        var paused = await app.WaitForStatusAsync(campaign, CampaignStatus.Paused);
        Assert.StartsWith("Kein Relay nimmt Mails an", paused.PauseReason);
        Assert.Contains("tot:", paused.PauseReason);
        await app.WaitUntilNothingInFlightAsync(campaign);
        var progress = await app.ProgressAsync(campaign);
        Assert.Equal((0, 0, 0, 40), (progress.Sent, progress.Failed, progress.Bounced, progress.Remaining));
        Assert.All(await app.DeliveriesAsync(campaign), d => Assert.Equal(0, d.Attempts));
    }

    [Fact]
    public async Task The_sending_page_lets_marketing_choose_the_relay_and_shows_what_each_relay_sent()
    {
        await using var app = GoldfederApp.With(Relays(("erstes", _first.Port), ("zweites", _second.Port)));
        await app.ImportAsync(CampaignFixtures.Csv(12));
        var campaign = await app.CreateCampaignAsync();
        var marketing = await app.StaffAsync(Roles.Marketing);
        var url = $"/admin/newsletter/versand/{campaign}";

        var token = TokenIn(await marketing.GetStringAsync(url));
        var unknown = await marketing.PostAsync($"{url}?handler=Relay", Form(token, ("relay", "drittes")));
        Assert.Equal($"{url}?hinweis=relay-nicht-moeglich", unknown.Headers.Location?.OriginalString);
        var chosen = await marketing.PostAsync($"{url}?handler=Relay", Form(token, ("relay", "zweites")));
        Assert.Equal($"{url}?hinweis=relay", chosen.Headers.Location?.OriginalString);

        await app.StartAsync(campaign);
        await app.WaitForStatusAsync(campaign, CampaignStatus.Sent);
        Assert.Equal(12, _second.CampaignMails().Count);
        var page = await marketing.GetStringAsync(url);
        Assert.Contains("<option value=\"zweites\" selected=\"selected\">zweites</option>", page);
        Assert.Contains("<th scope=\"row\">zweites</th><td>12</td><td>0</td><td>0</td>", page);
        Assert.Contains("<th scope=\"row\">erstes</th><td>0</td>", page);
    }

    [Fact]
    public async Task The_send_command_chooses_a_relay_and_reports_each_relays_counts_and_last_error()
    {
        await using var app = GoldfederApp.With(Relays(("ausfall", Loopback.FreePort()), ("ersatz", _second.Port)));
        await app.ImportAsync(CampaignFixtures.Csv(20));
        var campaign = await app.CreateCampaignAsync();
        Assert.Equal(1, (await app.RunCommandAsync("campaigns", "relay", campaign.ToString(), "drittes")).Code);
        Assert.Equal((0, $"campaign {campaign} goes out over alle\n"), await app.RunCommandAsync("campaigns", "relay", campaign.ToString(), "alle"));

        var (code, output) = await app.RunCommandAsync("campaigns", "send", campaign.ToString());
        Assert.Equal(0, code);
        Assert.Contains("sent: 20 sent, 0 failed, 0 refused, 0 skipped", output);
        Assert.Contains("relay ersatz: 20 sent, 0 deferred, 0 failed", output);
        Assert.Matches(@"relay ausfall: 0 sent, [1-9]\d* deferred, 0 failed, last error: 127\.0\.0\.1:\d+: .+, next try \d{4}-", output);
    }

    [Fact]
    public async Task Every_instance_shows_the_relay_figures_of_all_instances_and_the_last_error_any_of_them_saw()
    {
        var settings = Relays(("gemeinsam", _second.Port), ("ausfall", Loopback.FreePort()));
        settings["Campaigns:PauseWhenRelaysDownFor"] = "01:00:00";
        await using var a = GoldfederApp.With(settings);
        await a.ImportAsync(CampaignFixtures.Csv(30));
        var first = await a.CreateCampaignAsync();
        await a.RunCommandAsync("campaigns", "relay", first.ToString(), "ausfall");
        await a.StartAsync(first);
        await Eventually.ValueAsync(() => StatusAsync(a), s => s["ausfall"].UnreachableSinceUtc is not null, Eventually.Soon, s => "no unreachable relay seen");
        await a.RunCommandAsync("campaigns", "relay", first.ToString(), "gemeinsam");
        await a.WaitForStatusAsync(first, CampaignStatus.Sent);

        // A second instance on the same database that sent nothing itself shows the first one's figures.
        await using var b = GoldfederApp.With(settings, a.ConnectionString);
        var seen = await Eventually.ValueAsync(() => StatusAsync(b), s => s["gemeinsam"].Sent == 30, Eventually.Soon, s => $"instance b sees {s["gemeinsam"].Sent} sent");
        Assert.True(seen["ausfall"].Deferred >= 1);
        Assert.NotNull(seen["ausfall"].LastError);
        Assert.NotNull(seen["ausfall"].UnreachableSinceUtc);

        // Its own sends add to the same figures, and every instance shows the sum.
        var second = await b.CreateCampaignAsync();
        await b.StartAsync(second);
        await b.WaitForStatusAsync(second, CampaignStatus.Sent);
        await Eventually.ValueAsync(() => StatusAsync(a), s => s["gemeinsam"].Sent == 60, Eventually.Soon, s => $"instance a sees {s["gemeinsam"].Sent} sent");
    }

    private static async Task<Dictionary<string, RelayStatus>> StatusAsync(GoldfederApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GoldfederDb>();
        return (await app.Services.GetRequiredService<RelayPool>().StatusAsync(db, default)).ToDictionary(s => s.Name);
    }

    private Dictionary<string, string?> Relays(params (string Name, int Port)[] relays)
    {
        var settings = CampaignFixtures.Quick(_first, ("Campaigns:PauseWhenRelaysDownFor", "00:00:00"));
        settings.Remove("Mail:Smtp:Host");
        for (var i = 0; i < relays.Length; i++)
        {
            settings[$"Mail:Relays:{i}:Name"] = relays[i].Name;
            settings[$"Mail:Relays:{i}:Host"] = "127.0.0.1";
            settings[$"Mail:Relays:{i}:Port"] = relays[i].Port.ToString();
            settings[$"Mail:Relays:{i}:Security"] = "None";
            settings[$"Mail:Relays:{i}:TimeoutSeconds"] = "5";
        }
        return settings;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }
}
