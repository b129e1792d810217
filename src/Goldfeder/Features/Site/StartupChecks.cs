using System.Net;
using Goldfeder.Data;

namespace Goldfeder.Features.Site;

public static class StartupChecks
{
    /// <summary>
    /// In Production, every setting a feature requires (<see cref="ProductionSettings"/>), checked before the database is
    /// touched; one line per problem, so an operator sees every mistake at once instead of one stack trace.
    /// </summary>
    public static bool SettingsAreValid(this WebApplication app, TextWriter? error = null)
    {
        if (!app.Environment.IsProduction()) return true;
        var problems = app.Services.GetServices<ProductionSettings.Requirement>().Select(r => r.Problem(app.Services)).OfType<string>().ToList();
        foreach (var problem in problems)
            (error ?? Console.Error).WriteLine($"Goldfeder cannot start: {problem}");
        return problems.Count == 0;
    }

    public static bool IsHttpsOrLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps
            || (uri.Scheme == Uri.UriSchemeHttp && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)))));
}
