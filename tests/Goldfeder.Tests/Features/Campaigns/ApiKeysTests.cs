using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Goldfeder.Common;
using Goldfeder.Data;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Tests.Features.Campaigns;

/// <summary>Named API keys from configuration (only their hashes), each with its roles; every change audited under the key's name; guessing slowed down.</summary>
public sealed class ApiKeysTests : IAsyncLifetime
{
    private const string Crm = "crm-schluessel-9f8e7d6c5b4a39281706";
    private const string Redaktion = "redaktion-schluessel-0a1b2c3d4e5f6071";
    private const string Legacy = "alter-schluessel-0123456789abcdef";
    private readonly TestSmtpServer _smtp = new();
    private readonly GoldfederApp _app;

    public ApiKeysTests() => _app = GoldfederApp.With(CampaignFixtures.Quick(_smtp,
        ("Campaigns:ApiKey", Legacy),
        ("Campaigns:ApiKeys:crm:Sha256", Sha256(Crm)),
        ("Campaigns:ApiKeys:crm:Roles:0", "import"),
        ("Campaigns:ApiKeys:redaktion:Sha256", Sha256(Redaktion)),
        ("Campaigns:ApiKeys:redaktion:Roles:0", "read"),
        ("Campaigns:ApiKeys:redaktion:Roles:1", "write"),
        ("Campaigns:ApiKeyFailuresPerWindow", "5")));

    private static string Sha256(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private HttpClient Client(string key)
    {
        var client = _app.Browser();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private static StringContent Csv() => new(CampaignFixtures.Csv(3), Encoding.UTF8, "text/csv");
    private static JsonContent Campaign() => JsonContent.Create(new { subject = "Goldpreis im Blick", bodyMarkdown = "Der Goldpreis steigt.", includeDigest = false });

    [Fact]
    public async Task Each_key_may_do_what_its_roles_allow_and_the_old_key_may_do_everything()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client(Crm).PostAsync("/api/admin/subscribers/import", Csv())).StatusCode);
        var refused = await Client(Crm).PostAsync("/api/admin/campaigns", Campaign());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("„crm“", await refused.Content.ReadAsStringAsync());

        var created = await Client(Redaktion).PostAsync("/api/admin/campaigns", Campaign());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<Dictionary<string, int>>())!["id"];
        Assert.Equal(HttpStatusCode.OK, (await Client(Redaktion).GetAsync($"/api/admin/campaigns/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Client(Redaktion).PostAsync($"/api/admin/campaigns/{id}/send", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await Client(Legacy).PostAsync($"/api/admin/campaigns/{id}/send", null)).StatusCode);
    }

    [Fact]
    public async Task Every_change_through_the_api_is_audited_with_the_keys_name()
    {
        await Client(Crm).PostAsync("/api/admin/subscribers/import?file=crm.csv", Csv());
        var created = await Client(Redaktion).PostAsync("/api/admin/campaigns", Campaign());
        var id = (await created.Content.ReadFromJsonAsync<Dictionary<string, int>>())!["id"];
        await Client(Legacy).PostAsync($"/api/admin/campaigns/{id}/send", null);

        var audit = await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().AuditEntries.Where(a => a.Actor.StartsWith("api:")).OrderBy(a => a.Id).ToListAsync());

        Assert.Equal(["api:crm", "api:redaktion", "api:ApiKey"], audit.Select(a => a.Actor));
        Assert.Equal(["api.import", "api.write", "api.send"], audit.Select(a => a.Action));
        Assert.Equal($"POST /api/admin/campaigns/{id}/send", audit[2].Subject);
        Assert.Equal(["200", "201", "202"], audit.Select(a => a.After));
    }

    [Fact]
    public async Task After_too_many_wrong_keys_the_caller_gets_429_even_with_a_right_one()
    {
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) answers.Add((await Client($"geraten-{i}").GetAsync("/api/admin/campaigns/1")).StatusCode);

        var blocked = await Client(Redaktion).GetAsync("/api/admin/campaigns/1");

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a));
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.Equal("application/problem+json", blocked.Content.Headers.ContentType?.MediaType);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }
}
