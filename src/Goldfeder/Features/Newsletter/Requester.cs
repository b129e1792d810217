using Goldfeder.Common;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Newsletter;

/// <summary>Who asked, from where: what the consent ledger records with each event.</summary>
public sealed record Requester(string? IpAddress, string? UserAgent, string? SourcePage, string BaseUrl)
{
    public static Requester From(HttpContext http, IOptions<NewsletterOptions> options, SiteOptions site, string? sourcePage = null) => new(
        options.Value.RecordIpAddress ? http.Connection.RemoteIpAddress?.ToString() : null,
        Clip(http.Request.Headers.UserAgent.ToString(), 512),
        LocalPath(sourcePage) ?? LocalPath(RefererPath(http)),
        SiteUrls.BaseUrl(site, http.Request));

    /// <summary>Only a path on this site is recorded as the source page; anything else is dropped.</summary>
    internal static string? LocalPath(string? path) =>
        path is { Length: > 0 and <= 512 } && path.StartsWith('/') && !path.StartsWith("//") && !path.Any(char.IsControl) ? path : null;

    private static string? RefererPath(HttpContext http) =>
        Uri.TryCreate(http.Request.Headers.Referer.ToString(), UriKind.Absolute, out var referer) && referer.Authority == http.Request.Host.Value
            ? referer.PathAndQuery
            : null;

    private static string? Clip(string s, int max) => s.Length == 0 ? null : s.Length <= max ? s : s[..max];
}
