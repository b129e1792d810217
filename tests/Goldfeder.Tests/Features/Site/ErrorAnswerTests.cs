using System.Net;
using System.Text;
using System.Text.Json;
using Goldfeder.Data;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Tests.Features.Site;

/// <summary>A server error is a 500 everywhere (never a 404), German on the site and problem details under /api.</summary>
public sealed class ErrorAnswerTests : IAsyncLifetime
{
    private const string Key = "test-schluessel-0123456789";
    private readonly GoldfederApp _app = GoldfederApp.With(new() { ["Campaigns:ApiKey"] = Key });

    /// <summary>A real fault, as a broken database gives it: the table is renamed away under the running site.</summary>
    private async Task BreakTableAsync(string table)
    {
        var sql = "ALTER TABLE \"" + table + "\" RENAME TO \"" + table + "_weg\"";
        await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().Database.ExecuteSqlRawAsync(sql));
    }

    [Fact]
    public async Task An_exception_on_a_page_is_the_German_500_page()
    {
        var (before, _) = await _app.GetPageAsync("/");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        await BreakTableAsync(Goldfeder.Features.Articles.ArticleConfiguration.Table);

        // Another page than the one cached above, so the broken table is read.
        var response = await _app.Browser().GetAsync("/?seite=2");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Ein Fehler ist aufgetreten", html);
        Assert.DoesNotContain("Exception", html);
        Assert.DoesNotContain("Seite nicht gefunden", html);
    }

    public static TheoryData<string, string, string?, string?, int> ApiErrors => new()
    {
        { "POST", "/api/admin/campaigns", "{ kaputt", "application/json", 400 },
        { "GET", "/api/admin/campaigns/1", null, null, 401 },
        { "GET", "/api/admin/campaigns/999", null, null, 404 },
        { "GET", "/api/gibt-es-nicht", null, null, 404 },
        { "DELETE", "/api/admin/campaigns", null, null, 405 },
        { "POST", "/api/admin/campaigns", "Betreff", "text/plain", 415 },
    };

    [Theory]
    [MemberData(nameof(ApiErrors))]
    public async Task Every_API_error_is_problem_details(string method, string path, string? body, string? type, int status)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (status != 401) request.Headers.Add("X-Api-Key", Key);
        // A browser's Accept header must not turn the answer into HTML.
        request.Headers.Add("Accept", "text/html");
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, type!);

        var response = await _app.Browser().SendAsync(request);

        await AssertProblemAsync(response, status);
    }

    [Fact]
    public async Task An_exception_in_the_API_is_a_500_problem()
    {
        await BreakTableAsync(Goldfeder.Features.Campaigns.CampaignConfiguration.Table);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/campaigns/1");
        request.Headers.Add("X-Api-Key", Key);

        var response = await _app.Browser().SendAsync(request);

        var json = await AssertProblemAsync(response, 500);
        Assert.DoesNotContain("Exception", json);
        Assert.DoesNotContain("SELECT", json);
    }

    private static async Task<string> AssertProblemAsync(HttpResponseMessage response, int status)
    {
        var json = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{(int)response.StatusCode}: {json}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(json);
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("title").GetString()));
        return json;
    }

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();
}
