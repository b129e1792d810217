using Goldfeder.Data;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Goldfeder.Common;
using Goldfeder.Common.Shared;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Logging.Console;

namespace Goldfeder.Features.Site;

public static class SiteSetup
{
    public static IServiceCollection AddSite(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<SiteOptions>().Bind(config.GetSection("Site"))
            .RequireInProduction(o => !string.IsNullOrWhiteSpace(o.BaseUrl), "Site:BaseUrl is missing: links in mails and feeds need the site's public address, e.g. https://www.example.de.")
            .RequireInProduction(o => string.IsNullOrWhiteSpace(o.BaseUrl) || StartupChecks.IsHttpsOrLoopback(o.BaseUrl), "Site:BaseUrl must be an absolute https:// address (plain http only for localhost or a loopback address).");
        services.AddSingleton(TimeProvider.System);
        // German text as UTF-8, not as &#xE4; entities: smaller pages, readable source.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(o => o.RootDirectory = "/Features");
        services.AddOutputCache(PublicCache.Configure);
        services.AddSharedAcrossInstances(config);
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        // With Logging:Console:FormatterName=json: one JSON object per line, carrying the request id of its request.
        services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        services.AddProblemDetails(ApiProblem.Configure);
        services.AddTrustedProxies(config);
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            // Production only (UseSite); there even a site reached as localhost (e.g. behind an SSH tunnel) gets it.
            o.ExcludedHosts.Clear();
        });
        services.AddSingleton<Letters>();
        return services;
    }

    public static WebApplication MapSite(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        app.MapHealth();
        app.MapMetrics();
        return app;
    }

    /// <summary>
    /// The client and scheme from a trusted proxy, security headers and German error pages: first in the pipeline, so
    /// they cover every answer. Routing comes after the error pages, so that a re-executed error request is routed
    /// again (without that, the error page of an exception was not found and answered 404).
    /// </summary>
    public static WebApplication UseSite(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (app.Environment.IsProduction()) app.UseHsts();
        // German pages instead of stack traces, in every environment; problem details (RFC 7807) for every API error.
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages(ApiProblem.WriteStatusAsync);
        });
        app.UseWhen(c => !IsApi(c), site =>
        {
            site.UseExceptionHandler("/fehler");
            site.UseStatusCodePagesWithReExecute("/fehler/{0}");
        });
        app.UseRouting();
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    /// <summary>Caching, compression, rate limits and login: after anything that must answer before the cache (old WordPress addresses).</summary>
    public static WebApplication UseSiteCaching(this WebApplication app)
    {
        // Output cache outside compression: the compressed body is what gets cached, so it is compressed once.
        app.UseOutputCache();
        // Cache-Control and ETag for public pages: inside the output cache (which stores them), outside compression.
        app.UseMiddleware<PublicPageHeaders>();
        app.UseResponseCompression();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
