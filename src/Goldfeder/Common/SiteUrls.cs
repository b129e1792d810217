namespace Goldfeder.Common;

/// <summary>
/// The site's own absolute addresses, for mails, feeds and structured data. One rule: <c>Site:BaseUrl</c> when set
/// (production must set it: a Host header is the client's to choose), else the origin of the request being served, else
/// (an operator command or a background job with no request) <see cref="Fallback"/>.
/// </summary>
public static class SiteUrls
{
    public const string Fallback = "http://localhost:5080";

    public static string BaseUrl(SiteOptions site, HttpRequest? request = null) =>
        (site.BaseUrl ?? (request is null ? Fallback : $"{request.Scheme}://{request.Host}")).TrimEnd('/');

    /// <summary>The double opt-in link of a newsletter signup.</summary>
    public static string Confirmation(string baseUrl, string token) => $"{baseUrl}/newsletter/bestaetigen?token={token}";

    /// <summary>The withdrawal link every newsletter mail carries (and its List-Unsubscribe header).</summary>
    public static string Withdrawal(string baseUrl, string token) => $"{baseUrl}/newsletter/abmelden?token={token}";

    /// <summary>The personal preference center (topics, pause, objection) every newsletter mail links to.</summary>
    public static string Preferences(string baseUrl, string token) => $"{baseUrl}/newsletter/einstellungen?token={token}";

    /// <summary>An article's public page.</summary>
    public static string Article(string baseUrl, string slug) => $"{baseUrl}/news/{slug}";

    /// <summary>A topic's page (a category or a tag).</summary>
    public static string Topic(string baseUrl, string slug) => $"{baseUrl}/thema/{slug}";

    /// <summary>An author's page.</summary>
    public static string Author(string baseUrl, string slug) => $"{baseUrl}/autor/{slug}";
}
