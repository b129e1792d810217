using System.Net;
using Goldfeder.Tests.Infrastructure;
using static Goldfeder.Tests.Infrastructure.CareersFixtures;

namespace Goldfeder.Tests.Features.Careers;

public sealed class ApplicationRateLimitTests : IAsyncLifetime
{
    private readonly GoldfederApp _app;
    private readonly string _files;

    public ApplicationRateLimitTests()
    {
        var (settings, folder) = CareersFixtures.Settings(new() { ["Careers:ApplicationsPerIpPerWindow"] = "2" });
        _files = folder;
        _app = GoldfederApp.With(settings);
    }

    [Fact]
    public async Task Too_many_applications_from_one_address_get_a_german_429_page_and_reading_stays_free()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await _app.ApplyAsync(Advisor, Form(name: ""))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await _app.ApplyAsync(Advisor, Form())).StatusCode);

        var refused = await _app.ApplyAsync(Advisor, Form());
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Zu viele Anfragen", await refused.Content.ReadAsStringAsync());
        Assert.Single(await _app.ApplicationsAsync());

        Assert.Equal(HttpStatusCode.OK, (await _app.Browser().GetAsync($"/karriere/{Advisor}")).StatusCode);
    }

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        if (Directory.Exists(_files)) Directory.Delete(_files, true);
    }
}
