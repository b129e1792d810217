using System.Net;
using Goldfeder.Tests.Infrastructure;

namespace Goldfeder.Tests.Features.Site;

/// <summary>
/// Real Kestrel, clients bound to chosen loopback addresses: 127.0.0.1 plays the proxy named in
/// ForwardedHeaders:KnownProxies, 127.0.0.7 a reader who talks to the site directly.
/// </summary>
public sealed class TrustedProxyTests : IAsyncLifetime
{
    private readonly GoldfederApp _app = GoldfederApp.With(new() { ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" }).OnKestrel();

    [Fact]
    public async Task A_client_that_is_not_the_proxy_is_not_believed()
    {
        await SignUpAsync(From("127.0.0.7"), "direkt@example.de", forwardedFor: "203.0.113.9");

        Assert.Equal("127.0.0.7", await RecordedAddressAsync("direkt@example.de"));
    }

    [Fact]
    public async Task The_trusted_proxy_names_the_client_and_only_its_own_entry_counts()
    {
        // What nginx sends when the client forged a header: the forged value, then the address nginx saw.
        await SignUpAsync(From("127.0.0.1"), "proxy@example.de", forwardedFor: "198.51.100.66, 203.0.113.9");

        Assert.Equal("203.0.113.9", await RecordedAddressAsync("proxy@example.de"));
    }

    [Fact]
    public async Task Without_configured_proxies_even_loopback_is_not_believed()
    {
        await using var plain = GoldfederApp.With([]).OnKestrel();
        plain.Browser().Dispose();
        var client = From("127.0.0.1", plain);
        var request = new HttpRequestMessage(HttpMethod.Post, "/newsletter") { Content = Form("ohne@example.de") };
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        (await client.SendAsync(request)).EnsureSuccessStatusCodeOrRedirect();

        var subscriber = await plain.SubscriberAsync("ohne@example.de");
        Assert.Equal("127.0.0.1", (await plain.EventsAsync(subscriber!.Id))[0].IpAddress);
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.0.0.7", false)]
    public async Task Forwarded_https_is_believed_from_the_proxy_only(string from, bool secure)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/admin/anmelden");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await From(from).SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("goldfeder-antiforgery"));
        Assert.Equal(secure, cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    private HttpClient From(string localAddress) => From(localAddress, _app);

    private static HttpClient From(string localAddress, GoldfederApp app)
    {
        app.Browser().Dispose(); // starts Kestrel
        return Loopback.ClientFrom(localAddress, app.ClientOptions.BaseAddress.Port);
    }

    private static FormUrlEncodedContent Form(string email) =>
        new(new Dictionary<string, string> { ["email"] = email, ["quelle"] = "/news/" + Seed.Slug, ["website"] = "" });

    private static async Task SignUpAsync(HttpClient client, string email, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/newsletter") { Content = Form(email) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        (await client.SendAsync(request)).EnsureSuccessStatusCodeOrRedirect();
    }

    private async Task<string?> RecordedAddressAsync(string email)
    {
        var subscriber = await _app.SubscriberAsync(email);
        Assert.NotNull(subscriber);
        return (await _app.EventsAsync(subscriber.Id))[0].IpAddress;
    }

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();
}

internal static class RedirectAssertions
{
    public static void EnsureSuccessStatusCodeOrRedirect(this HttpResponseMessage response) =>
        Assert.True(response.StatusCode is HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.OK, $"{(int)response.StatusCode}");
}
