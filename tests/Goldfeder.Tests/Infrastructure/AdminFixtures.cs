using System.Net;
using System.Text.RegularExpressions;
using Goldfeder.Features.Staff;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Goldfeder.Tests.Infrastructure;

/// <summary>Staff accounts and logged-in browsers (cookies and antiforgery tokens as a browser keeps them).</summary>
public static class AdminFixtures
{
    public static HttpClient NewBrowser(this GoldfederApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<(int Code, string Output)> CreateAccountAsync(this GoldfederApp app, string email, string role, string password)
    {
        var errors = await AdminAccounts.CreateAsync(app.Services, email, role, password);
        return (errors.Count == 0 ? 0 : 1, string.Join("\n", errors));
    }

    public static async Task<HttpClient> LoggedInAsync(this GoldfederApp app, string email, string password)
    {
        var client = app.NewBrowser();
        var response = await TryLogInAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpClient> StaffAsync(this GoldfederApp app, string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.de";
        Assert.Equal(0, (await app.CreateAccountAsync(email, role, "Pruef-Konto-Schluessel-2026")).Code);
        return await app.LoggedInAsync(email, "Pruef-Konto-Schluessel-2026");
    }

    public static async Task<HttpResponseMessage> TryLogInAsync(HttpClient client, string email, string password, string? returnUrl = null)
    {
        var token = TokenIn(await client.GetStringAsync("/admin/anmelden"));
        return await client.PostAsync("/admin/anmelden", Form(token, ("email", email), ("password", password), ("returnUrl", returnUrl ?? "")));
    }

    public static string TokenIn(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    public static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("__RequestVerificationToken", token)));
}
