using System.Net;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Site;

public static class StartupChecks
{
    /// <summary>
    /// Runs every settings check registered with <c>ValidateOnStart</c> now, before the database is touched, and prints
    /// one line per problem, so an operator sees every mistake at once instead of one stack trace.
    /// </summary>
    public static bool SettingsAreValid(this WebApplication app, TextWriter? error = null)
    {
        try
        {
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            return true;
        }
        catch (Exception e) when (e is OptionsValidationException or AggregateException)
        {
            var failures = (e is AggregateException all ? all.InnerExceptions : [e])
                .OfType<OptionsValidationException>().SelectMany(o => o.Failures);
            foreach (var failure in failures)
                (error ?? Console.Error).WriteLine($"Goldfeder cannot start: {failure}");
            return false;
        }
    }

    public static bool IsHttpsOrLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps
            || (uri.Scheme == Uri.UriSchemeHttp && (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)))));
}
