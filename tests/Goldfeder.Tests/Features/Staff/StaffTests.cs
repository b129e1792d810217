using System.Net;
using System.Text.RegularExpressions;
using Goldfeder.Data;
using Goldfeder.Common;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Tests.Features.Staff;

public sealed class StaffTests : IAsyncLifetime
{
    private readonly TestSmtpServer _smtp = new();
    private readonly GoldfederApp _app;

    public StaffTests() => _app = GoldfederApp.With(_smtp.Settings());

    [Fact]
    public async Task The_operator_command_creates_an_account_with_a_generated_password_that_logs_in()
    {
        var (code, output) = await _app.RunCommandAsync("admin", "create", "--email", "chefin@example.de", "--role", "Admin", "--generate-password");

        Assert.Equal(0, code);
        var password = Regex.Match(output, @"password: (\S+)").Groups[1].Value;
        Assert.Equal(20, password.Length);
        var client = await _app.LoggedInAsync("chefin@example.de", password);
        var page = await client.GetStringAsync("/admin");
        Assert.Contains("chefin@example.de", page);
    }

    [Fact]
    public async Task The_operator_command_refuses_weak_passwords_and_unknown_roles()
    {
        Assert.Equal(1, (await _app.CreateAccountAsync("schwach@example.de", "Admin", "kurz")).Code);
        Assert.Equal(1, (await _app.CreateAccountAsync("rolle@example.de", "Hausmeister", "Ein-sehr-langes-Passwort-1")).Code);
        Assert.Equal(0, await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().Users.CountAsync()));
    }

    [Fact]
    public async Task Admin_pages_ask_anonymous_visitors_to_log_in()
    {
        var response = await _app.NewBrowser().GetAsync("/admin/datenschutz");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/anmelden", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_account_get_the_same_answer_and_five_failures_lock_the_account()
    {
        await _app.CreateAccountAsync("redakteur@example.de", "Editor", "Richtig-Passwort-123");

        var wrong = await AdminFixtures.TryLogInAsync(_app.NewBrowser(), "redakteur@example.de", "Falsch-Passwort-123");
        var unknown = await AdminFixtures.TryLogInAsync(_app.NewBrowser(), "niemand@example.de", "Falsch-Passwort-123");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var wrongError = ErrorOf(await wrong.Content.ReadAsStringAsync());
        Assert.Contains("Die Anmeldung ist fehlgeschlagen", wrongError);
        Assert.Equal(wrongError, ErrorOf(await unknown.Content.ReadAsStringAsync()));

        for (var i = 0; i < 4; i++) await AdminFixtures.TryLogInAsync(_app.NewBrowser(), "redakteur@example.de", "Falsch-Passwort-123");
        var locked = await AdminFixtures.TryLogInAsync(_app.NewBrowser(), "redakteur@example.de", "Richtig-Passwort-123");
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
    }

    [Fact]
    public async Task Login_cookie_is_http_only_and_same_site_strict_and_return_urls_stay_on_the_site()
    {
        await _app.CreateAccountAsync("dsb@example.de", "DataProtection", "Datenschutz-Passwort-1");

        var response = await AdminFixtures.TryLogInAsync(_app.NewBrowser(), "dsb@example.de", "Datenschutz-Passwort-1", returnUrl: "https://evil.example/phish");

        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("goldfeder-admin="));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Logging_out_from_the_admin_navigation_ends_the_session()
    {
        await _app.CreateAccountAsync("abmelden@example.de", "Editor", "Abmelde-Passwort-1");
        var client = await _app.LoggedInAsync("abmelden@example.de", "Abmelde-Passwort-1");
        var token = AdminFixtures.TokenIn(await client.GetStringAsync("/admin"));
        Assert.NotEmpty(token);

        var loggedOut = await client.PostAsync("/admin/abmelden", AdminFixtures.Form(token));

        Assert.Equal("/", loggedOut.Headers.Location?.OriginalString);
        Assert.StartsWith("/admin/anmelden", (await client.GetAsync("/admin")).Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task An_editor_may_not_open_the_data_protection_page()
    {
        await _app.CreateAccountAsync("redaktion@example.de", "Editor", "Redaktion-Passwort-1");
        var client = await _app.LoggedInAsync("redaktion@example.de", "Redaktion-Passwort-1");

        var response = await client.GetAsync("/admin/datenschutz");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/kein-zugriff", response.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/kein-zugriff")).StatusCode);
    }

    [Fact]
    public async Task The_data_protection_officer_sees_the_proof_exports_and_erases_and_every_step_is_audited()
    {
        await _app.ConfirmedAsync(_smtp, "betroffene@example.de");
        await _app.CreateAccountAsync("dsb@example.de", "DataProtection", "Datenschutz-Passwort-1");
        var client = await _app.LoggedInAsync("dsb@example.de", "Datenschutz-Passwort-1");

        var token = AdminFixtures.TokenIn(await client.GetStringAsync("/admin/datenschutz"));
        var page = await (await client.PostAsync("/admin/datenschutz", AdminFixtures.Form(token, ("adresse", "betroffene@example.de")))).Content.ReadAsStringAsync();
        // German for the officer: the state and the events, not the codes stored.
        Assert.Contains("<strong>bestätigt</strong>", page);
        Assert.Contains("<td>Anmeldung</td>", page);
        Assert.Contains("<td>Bestätigung</td>", page);
        Assert.DoesNotContain("Requested", page);
        Assert.DoesNotContain("Confirmed", page);
        Assert.Contains("Durch Eingabe Ihrer E-Mail-Adresse", page);

        var export = await client.PostAsync("/admin/datenschutz?handler=Export", AdminFixtures.Form(token, ("adresse", "betroffene@example.de")));
        Assert.Equal("application/json; charset=utf-8", export.Content.Headers.ContentType?.ToString());
        Assert.Contains("attachment", export.Content.Headers.ContentDisposition?.ToString());
        var exported = await export.Content.ReadAsStringAsync();
        Assert.Contains("betroffene@example.de", exported);
        // The audit log's part names the officer's lookup in German, not by its code.
        Assert.Contains("\"Vorgang\": \"Einwilligungsnachweis angesehen\"", exported);
        Assert.DoesNotContain("consent.proof.view", exported);

        var withoutTick = await client.PostAsync("/admin/datenschutz?handler=Erase", AdminFixtures.Form(token, ("adresse", "betroffene@example.de")));
        Assert.Equal(HttpStatusCode.BadRequest, withoutTick.StatusCode);
        Assert.NotNull(await _app.SubscriberAsync("betroffene@example.de"));

        var erased = await client.PostAsync("/admin/datenschutz?handler=Erase", AdminFixtures.Form(token, ("adresse", "betroffene@example.de"), ("bestaetigt", "true")));
        Assert.Contains("wurden gelöscht", await erased.Content.ReadAsStringAsync());
        Assert.Null(await _app.SubscriberAsync("betroffene@example.de"));

        var audit = await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().AuditEntries.OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["consent.proof.view", "consent.export", "consent.erase"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("dsb@example.de", a.Actor));
        Assert.All(audit, a => Assert.DoesNotContain("betroffene", a.Subject));
    }

    [Fact]
    public async Task Admin_forms_need_the_antiforgery_token()
    {
        await _app.CreateAccountAsync("dsb@example.de", "DataProtection", "Datenschutz-Passwort-1");
        var client = await _app.LoggedInAsync("dsb@example.de", "Datenschutz-Passwort-1");

        var response = await client.PostAsync("/admin/datenschutz?handler=Erase",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["adresse"] = "x@example.de", ["bestaetigt"] = "true" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/news/" + Seed.Slug)]
    [InlineData("/admin/anmelden")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        var response = await _app.NewBrowser().GetAsync(url);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.True(response.Headers.Contains("Referrer-Policy"));
    }

    [Fact]
    public async Task Login_attempts_beyond_twenty_in_five_minutes_get_the_german_429_page_and_the_form_still_shows()
    {
        var browser = _app.NewBrowser();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 21; i++)
            answers.Add((await AdminFixtures.TryLogInAsync(browser, $"raten-{i}@example.de", "Falsches-Passwort-1")).StatusCode);

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, answers.Take(20));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[20]);
        var refused = await AdminFixtures.TryLogInAsync(browser, "raten@example.de", "Falsches-Passwort-1");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Zu viele", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/anmelden")).StatusCode);
    }

    private static string ErrorOf(string html) => Regex.Match(html, "class=\"form-error\"[^>]*>([^<]+)<").Groups[1].Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }
}
