using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Goldfeder.Tests.Infrastructure;
using static Goldfeder.Tests.Infrastructure.AdminFixtures;

namespace Goldfeder.Tests.Deployment;

/// <summary>Issue 13: two instances on PostgreSQL and Redis behind nginx — nothing stale, limits shared, control from either.</summary>
[Trait("Category", TwoInstanceSite.Trait)]
public sealed class TwoInstancesTests(TwoInstanceSite site) : IClassFixture<TwoInstanceSite>
{
    private static readonly TimeSpan FiveSeconds = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task An_article_published_edited_and_unpublished_shows_on_both_instances_within_five_seconds()
    {
        // Both instances have the front page cached before anything changes.
        foreach (var i in new[] { 0, 1 })
        {
            await site.Instance(i).GetStringAsync("/");
            Assert.True((await site.Instance(i).GetAsync("/")).Headers.Contains("Age"), $"instance {i} does not cache the front page");
        }

        var editor = await LoggedInEditorAsync();
        var token = TokenIn(await editor.GetStringAsync("/admin/artikel/bearbeiten"));
        var saved = await editor.PostAsync("/admin/artikel/bearbeiten", Form(token, Draft("Zwei Instanzen, ein Stand", "Published")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var edit = saved.Headers.Location!.OriginalString.Split('?')[0];
        await BothShowAsync("Zwei Instanzen, ein Stand", "the article published through nginx");

        var imported = await site.RunAsync("", "import", "wordpress", Features.Articles.WordpressImport.WordpressImportTests.Export);
        Assert.True(imported.Code == 0, imported.Error);
        await BothShowAsync("Silbermünzen für Einsteiger", "the article imported by an operator command");

        await editor.PostAsync(edit, Form(token, Draft("Zwei Instanzen, ein Stand", "Draft")));
        await Eventually.TrueAsync(async () =>
        {
            foreach (var i in new[] { 0, 1 })
            {
                if ((await site.Instance(i).GetAsync("/news/zwei-instanzen-ein-stand")).StatusCode != HttpStatusCode.NotFound) return false;
                if ((await site.Instance(i).GetStringAsync("/")).Contains("Zwei Instanzen, ein Stand")) return false;
            }
            return true;
        }, FiveSeconds, "the unpublished article is still shown by an instance");
    }

    [Fact]
    public async Task Thirty_signups_from_one_address_over_both_instances_and_the_thirty_first_is_refused()
    {
        var client = site.Client(from: "127.0.0.31");
        for (var i = 0; i < 30; i++)
        {
            var response = await SignUpAsync(client, $"zwei-instanzen-{i}@example.de");
            Assert.True(response.StatusCode == HttpStatusCode.Redirect,
                $"signup {i + 1}: {(int)response.StatusCode}\n" + string.Join("\n", site.SiteOutput.Where(l => l.Contains("\"Error\"") || l.Contains("Exception")).TakeLast(5)));
        }
        // nginx takes turns: half went to each instance, so each alone would still allow 15 more.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignUpAsync(client, "einunddreissig@example.de")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignUpAsync(client, "zweiunddreissig@example.de")).StatusCode);
        // Straight to each instance, past nginx: the same count.
        foreach (var i in new[] { 0, 1 })
            Assert.Equal(HttpStatusCode.TooManyRequests, (await SignUpAsync(site.Client(from: "127.0.0.31", port: site.SitePorts[i], scheme: "http"), $"direkt{i}@example.de")).StatusCode);
    }

    [Fact]
    public async Task A_pause_on_one_instance_stops_both_within_a_second_and_both_show_the_same_progress()
    {
        await ImportAsync(3000, from: 100_000);
        var id = await CreateCampaignAsync("Pause auf B");
        var send = await Api(0).PostAsync($"/api/admin/campaigns/{id}/send", null);
        Assert.True(send.IsSuccessStatusCode, await send.Content.ReadAsStringAsync());
        await Eventually.TrueAsync(() => Received("Pause auf B") >= 300, TimeSpan.FromSeconds(30), "the campaign did not start sending");

        var paused = await Api(1).PostAsync($"/api/admin/campaigns/{id}/pause", null);
        Assert.True(paused.IsSuccessStatusCode, await paused.Content.ReadAsStringAsync());
        await Task.Delay(TimeSpan.FromSeconds(1));
        var afterOneSecond = Received("Pause auf B");
        // Two more seconds in which nothing may arrive (waiting for nothing has no other deadline than this).
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.True(afterOneSecond == Received("Pause auf B"), $"mail still arrived more than a second after the pause ({afterOneSecond} → {Received("Pause auf B")})");
        Assert.True(afterOneSecond < 3000, "the campaign had finished before the pause, so the test proves nothing");

        var a = await ProgressAsync(0, id);
        var b = await ProgressAsync(1, id);
        Assert.Equal("Paused", a.GetProperty("status").GetString());
        Assert.Equal(a.GetProperty("sent").GetInt32(), b.GetProperty("sent").GetInt32());
        Assert.Equal(a.GetProperty("remaining").GetInt32(), b.GetProperty("remaining").GetInt32());

        Assert.True((await Api(0).PostAsync($"/api/admin/campaigns/{id}/resume", null)).IsSuccessStatusCode);
        await Eventually.TrueAsync(() => Received("Pause auf B") > afterOneSecond, TimeSpan.FromSeconds(10), "resuming on A did not send again");
        Assert.True((await Api(1).PostAsync($"/api/admin/campaigns/{id}/cancel", null)).IsSuccessStatusCode);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var afterCancel = Received("Pause auf B");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(afterCancel, Received("Pause auf B"));
        Assert.Equal("Cancelled", (await ProgressAsync(0, id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Pages_keep_coming_while_Redis_is_down_and_evictions_reach_both_instances_after_it_returns()
    {
        var statuses = new List<HttpStatusCode>();
        using var stop = new CancellationTokenSource();
        var readers = Task.Run(async () =>
        {
            var client = site.Client();
            while (!stop.IsCancellationRequested)
            {
                foreach (var url in new[] { "/", "/news/" + Seed.Slug, "/newsletter" })
                    statuses.Add((await client.GetAsync(url)).StatusCode);
            }
        });

        await site.Redis!.StopAsync();
        await Eventually.TrueAsync(async () => await RedisStateAsync(0) == "Degraded" && await RedisStateAsync(1) == "Degraded", TimeSpan.FromSeconds(10),
            "/healthz/ready does not say that Redis is down");
        var signup = await SignUpAsync(site.Client(from: "127.0.0.32"), "ohne-redis@example.de");
        Assert.Equal(HttpStatusCode.Redirect, signup.StatusCode);

        await site.Redis.StartAsync();
        await Eventually.TrueAsync(async () => await RedisStateAsync(0) == "Healthy" && await RedisStateAsync(1) == "Healthy", TimeSpan.FromSeconds(20),
            "the instances did not reconnect to Redis");
        stop.Cancel();
        await readers;
        Assert.NotEmpty(statuses);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));

        foreach (var i in new[] { 0, 1 }) await site.Instance(i).GetStringAsync("/");
        var editor = await LoggedInEditorAsync();
        var token = TokenIn(await editor.GetStringAsync("/admin/artikel/bearbeiten"));
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync("/admin/artikel/bearbeiten", Form(token, Draft("Nach dem Redis-Ausfall", "Published", "nach-dem-redis-ausfall")))).StatusCode);
        await BothShowAsync("Nach dem Redis-Ausfall", "an article published after Redis came back");
    }

    private async Task<string?> RedisStateAsync(int i)
    {
        using var health = JsonDocument.Parse(await site.Instance(i).GetStringAsync("/healthz/ready"));
        return health.RootElement.GetProperty("checks").GetProperty("redis").GetString();
    }

    private async Task BothShowAsync(string title, string what) =>
        await Eventually.TrueAsync(async () =>
            (await site.Instance(0).GetStringAsync("/")).Contains(title) && (await site.Instance(1).GetStringAsync("/")).Contains(title),
            FiveSeconds, $"{what} is not on both instances' front pages");

    private static (string, string)[] Draft(string title, string status, string slug = "zwei-instanzen-ein-stand") =>
    [
        ("Draft.Title", title), ("Draft.Slug", slug), ("Draft.Lead", "Geschrieben auf einer Instanz, gelesen auf beiden."),
        ("Draft.Body", "## Zwei Instanzen\n\nEin Stand."), ("Draft.Status", status),
        ("Draft.Date", DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd")), ("Draft.Time", "08:00"),
    ];

    private async Task<HttpClient> LoggedInEditorAsync()
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = new CookieContainer(),
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        })
        { BaseAddress = new Uri(site.BaseUrl) };
        Assert.Equal(HttpStatusCode.Redirect, (await TryLogInAsync(client, DeployedSite.AdminEmail, DeployedSite.AdminPassword)).StatusCode);
        return client;
    }

    private static async Task<HttpResponseMessage> SignUpAsync(HttpClient client, string email) =>
        await client.PostAsync("/newsletter", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = email, ["quelle"] = "/news/" + Seed.Slug, ["website"] = "" }));

    private HttpClient Api(int i)
    {
        var client = site.Instance(i);
        client.DefaultRequestHeaders.Add("X-Api-Key", DeployedSite.ApiKey);
        return client;
    }

    private async Task ImportAsync(int count, int from)
    {
        var import = await Api(0).PostAsync("/api/admin/subscribers/import?file=liste.csv", new StringContent(CampaignFixtures.Csv(count, from), Encoding.UTF8, "text/csv"));
        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
    }

    private async Task<int> CreateCampaignAsync(string subject)
    {
        var created = await Api(0).PostAsJsonAsync("/api/admin/campaigns", new { subject, bodyMarkdown = "## Neues\n\nDer Goldpreis steigt.", includeDigest = false });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private async Task<JsonElement> ProgressAsync(int i, int id) => await Api(i).GetFromJsonAsync<JsonElement>($"/api/admin/campaigns/{id}");

    private int Received(string subject) => site.Smtp.Received.Count(m => m.Subject == subject);

    internal static long SentBy(string metrics) =>
        Regex.Matches(metrics, @"^goldfeder_campaign_sent\S*\s+([0-9.e+]+)", RegexOptions.Multiline).Sum(m => (long)double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
}
