using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Goldfeder.Tests.Infrastructure;

namespace Goldfeder.Tests.Features.Campaigns;

public sealed class CampaignsApiTests : IAsyncLifetime
{
    private const string Key = "test-schluessel-0123456789";
    private readonly TestSmtpServer _smtp = new();
    private readonly GoldfederApp _app;

    public CampaignsApiTests() => _app = GoldfederApp.With(CampaignFixtures.Quick(_smtp, ("Campaigns:ApiKey", Key)));

    private HttpClient Client(string? key = Key)
    {
        var client = _app.Browser();
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    [Fact]
    public async Task Without_the_right_key_every_call_is_refused_with_problem_details()
    {
        foreach (var client in new[] { Client(null), Client("falsch") })
        {
            var response = await client.GetAsync("/api/admin/campaigns/1");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Create_send_and_follow_a_campaign_through_the_api()
    {
        var client = Client();
        var import = await client.PostAsync("/api/admin/subscribers/import?file=liste.csv", new StringContent(CampaignFixtures.Csv(20), Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);

        var invalid = await client.PostAsJsonAsync("/api/admin/campaigns", new { subject = "", bodyMarkdown = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Betreff", await invalid.Content.ReadAsStringAsync());

        var created = await client.PostAsJsonAsync("/api/admin/campaigns", new { subject = "Goldpreis im Blick", bodyMarkdown = "Hallo", includeDigest = false });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var sent = await client.PostAsync($"/api/admin/campaigns/{id}/send", null);
        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        Assert.Equal(20, (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recipients").GetInt32());
        var again = await client.PostAsync($"/api/admin/campaigns/{id}/send", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        await _app.WaitForStatusAsync(id, Goldfeder.Features.Campaigns.CampaignStatus.Sent);
        var status = await client.GetFromJsonAsync<JsonElement>($"/api/admin/campaigns/{id}");
        Assert.Equal(20, status.GetProperty("sent").GetInt32());
        Assert.Equal(20, _smtp.CampaignMails().Count);

        var missing = await client.GetAsync("/api/admin/campaigns/9999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_invalid_import_is_refused_with_its_line_numbers()
    {
        var response = await Client().PostAsync("/api/admin/subscribers/import", new StringContent("a@example.de,2025-01-01,x\nkaputt,2025-01-01,x\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Zeile 2", await response.Content.ReadAsStringAsync());
        Assert.Null(await _app.SubscriberAsync("a@example.de"));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        var response = await Client(null).GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>();
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/admin/campaigns", out _));
        Assert.True(paths.TryGetProperty("/api/admin/campaigns/{id}/send", out _));
    }

    [Fact]
    public async Task The_operator_commands_create_a_campaign_and_report_its_status()
    {
        var body = Path.Combine(Path.GetTempPath(), $"body-{Guid.NewGuid():N}.md");
        await File.WriteAllTextAsync(body, "## Hallo\n\nText");
        try
        {
            var (code, output) = await _app.RunCommandAsync("campaigns", "create", "--subject", "Goldpreis im Blick", "--body-file", body);
            Assert.Equal(0, code);
            var id = int.Parse(output.Trim());
            var (statusCode, status) = await _app.RunCommandAsync("campaigns", "status", id.ToString());
            Assert.Equal(0, statusCode);
            Assert.Equal("Draft", JsonDocument.Parse(status).RootElement.GetProperty("status").GetString());
            Assert.Equal(2, (await _app.RunCommandAsync("campaigns", "create", "--subject", "x")).Code);
        }
        finally
        {
            File.Delete(body);
        }
    }

    // IAsyncLifetime, not IAsyncDisposable: xunit 2 never calls DisposeAsync of the latter on a test class.
    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }
}
