using System.Net;
using Goldfeder.Data;
using Goldfeder.Features.Staff;
using Goldfeder.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static Goldfeder.Tests.Infrastructure.AdminFixtures;

namespace Goldfeder.Tests.Features.Staff;

/// <summary>The staff login tried as an attacker would: timing, locking staff out, a copied cookie, a common password.</summary>
public sealed class LoginHardeningTests : IAsyncLifetime
{
    private const string Password = "Richtig-Passwort-123";
    private readonly HardenedApp _app = new();

    [Fact]
    public async Task Every_failed_login_costs_one_hash_verification_whether_the_account_exists_is_shut_out_or_not()
    {
        await _app.CreateAccountAsync("redaktion@example.de", "Editor", Password);

        var unknown = await _app.HashesDuringAsync(() => TryLogInAsync(_app.NewBrowser(), "niemand@example.de", Password));
        var wrong = await _app.HashesDuringAsync(() => TryLogInAsync(_app.NewBrowser(), "redaktion@example.de", "Falsch-Passwort-123"));
        for (var i = 0; i < 4; i++) await TryLogInAsync(_app.NewBrowser(), "redaktion@example.de", "Falsch-Passwort-123");
        var shutOut = await _app.HashesDuringAsync(() => TryLogInAsync(_app.NewBrowser(), "redaktion@example.de", Password));

        Assert.Equal((1, 1, 1), (unknown.Hashes, wrong.Hashes, shutOut.Hashes));
        Assert.All(new[] { unknown, wrong, shutOut }, r => Assert.Equal(HttpStatusCode.BadRequest, r.Response.StatusCode));
    }

    [Fact]
    public async Task A_stranger_guessing_cannot_lock_staff_out_but_is_shut_out_himself()
    {
        await _app.CreateAccountAsync("personal@example.de", "HR", Password);
        var stranger = _app.From("203.0.113.9");
        for (var i = 0; i < 6; i++) await TryLogInAsync(stranger, "personal@example.de", $"Geraten-{i}-Passwort");

        var strangerWithThePassword = await TryLogInAsync(_app.From("203.0.113.9"), "personal@example.de", Password);
        var staff = await TryLogInAsync(_app.From("198.51.100.7"), "personal@example.de", Password);

        Assert.Equal(HttpStatusCode.BadRequest, strangerWithThePassword.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, staff.StatusCode);
        Assert.Equal("/admin", staff.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task After_logging_out_a_copy_of_the_session_cookie_opens_nothing()
    {
        await _app.CreateAccountAsync("marketing@example.de", "Marketing", Password);
        var browser = _app.Browser();
        var login = await browser.GetAsync("/admin/anmelden");
        var antiforgery = CookieFrom(login, "goldfeder-antiforgery");
        var signIn = new HttpRequestMessage(HttpMethod.Post, "/admin/anmelden")
        {
            Content = Form(TokenIn(await login.Content.ReadAsStringAsync()), ("email", "marketing@example.de"), ("password", Password), ("returnUrl", "")),
        };
        signIn.Headers.Add("Cookie", antiforgery);
        var session = CookieFrom(await browser.SendAsync(signIn), "goldfeder-admin");
        var copy = $"{session}; {antiforgery}";
        var dashboard = await SendAsync(browser, HttpMethod.Get, "/admin", copy);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);

        var logout = await SendAsync(browser, HttpMethod.Post, "/admin/abmelden", copy, Form(TokenIn(await dashboard.Content.ReadAsStringAsync())));
        Assert.Equal("/", logout.Headers.Location?.OriginalString);

        var afterwards = await SendAsync(browser, HttpMethod.Get, "/admin/newsletter", copy);
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.StartsWith("/admin/anmelden", afterwards.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("Passwort12345", true)]
    [InlineData("Goldfeder2026!", true)]
    [InlineData("2026-Sommer-2026", true)]
    [InlineData("Qwertzuiop123", true)]
    [InlineData("Tresor-Lampe-Wolke-7", false)]
    public void Common_passwords_are_known_even_with_digits_and_symbols_around_them(string password, bool common) =>
        Assert.Equal(common, CommonPasswordValidator.IsCommon(password));

    [Fact]
    public async Task An_account_with_a_common_password_is_refused_in_german()
    {
        var (code, output) = await _app.CreateAccountAsync("chefin@example.de", "Admin", "Passwort12345");

        Assert.Equal(1, code);
        Assert.Contains("zu verbreitet", output);
    }

    private static string CookieFrom(HttpResponseMessage response, string name) =>
        response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(name + "="));

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string cookies, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Add("Cookie", cookies);
        return client.SendAsync(request);
    }

    /// <summary>The site with a password hasher that counts its verifications, and clients that say which address they come from.</summary>
    private sealed class HardenedApp : GoldfederApp
    {
        private readonly CountingHasher _hasher = new();

        public async Task<(HttpResponseMessage Response, int Hashes)> HashesDuringAsync(Func<Task<HttpResponseMessage>> login)
        {
            var before = _hasher.Verifications;
            var response = await login();
            return (response, _hasher.Verifications - before);
        }

        public HttpClient From(string ip)
        {
            var client = this.NewBrowser();
            client.DefaultRequestHeaders.Add(ClientAddress.Header, ip);
            return client;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s =>
            {
                s.RemoveAll<IPasswordHasher<AdminUser>>();
                s.AddSingleton<IPasswordHasher<AdminUser>>(_hasher);
                s.AddSingleton<IStartupFilter, ClientAddress>();
            });
        }
    }

    private sealed class CountingHasher : IPasswordHasher<AdminUser>
    {
        private readonly PasswordHasher<AdminUser> _real = new();
        private int _verifications;
        public int Verifications => Volatile.Read(ref _verifications);
        public string HashPassword(AdminUser user, string password) => _real.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AdminUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    /// <summary>TestServer has no client address; this sets it from a test header, as a real connection would have one.</summary>
    private sealed class ClientAddress : IStartupFilter
    {
        public const string Header = "X-Test-Client-Address";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                if (http.Request.Headers.TryGetValue(Header, out var ip)) http.Connection.RemoteIpAddress = IPAddress.Parse(ip!);
                return nextMiddleware(http);
            });
            next(app);
        };
    }

    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => _app.DisposeAsync().AsTask();
}
