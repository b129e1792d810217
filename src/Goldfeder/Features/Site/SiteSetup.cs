using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Goldfeder.Common;
using Microsoft.AspNetCore.ResponseCompression;

namespace Goldfeder.Features.Site;

public static class SiteSetup
{
    public static IServiceCollection AddSite(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<SiteOptions>(config.GetSection("Site"));
        services.AddSingleton(TimeProvider.System);
        // German text as UTF-8, not as &#xE4; entities: smaller pages, readable source.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(o => o.RootDirectory = "/Features");
        services.AddOutputCache(PublicCache.Configure);
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.AddProblemDetails();
        services.AddSingleton<Letters>();
        return services;
    }

    public static WebApplication MapSite(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        app.MapHealth();
        return app;
    }

    /// <summary>Security headers and German error pages: first in the pipeline, so they cover every answer.</summary>
    public static WebApplication UseSite(this WebApplication app)
    {
        app.UseSecurityHeaders();
        // German pages instead of stack traces, in every environment; problem details (RFC 7807) for the API.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseExceptionHandler());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), site => site.UseExceptionHandler("/fehler"));
        app.UseStatusCodePagesWithReExecute("/fehler/{0}");
        return app;
    }

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
