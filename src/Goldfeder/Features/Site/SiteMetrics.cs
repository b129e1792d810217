using OpenTelemetry.Metrics;

namespace Goldfeder.Features.Site;

/// <summary>
/// OpenTelemetry metrics in Prometheus format at <c>/metrics</c> on <c>Metrics:Port</c> only (e.g. 9464, bound to
/// loopback): never on the public port, and off when no port is set. ASP.NET Core's request counts and durations, the
/// runtime's, and every feature's own meter (<c>Goldfeder.*</c>: signups, outbox, campaign messages, scheduled
/// articles, applications).
/// </summary>
public static class SiteMetrics
{
    public static WebApplicationBuilder AddSiteMetrics(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<int?>("Metrics:Port") is not { } port) return builder;
        var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } configured ? configured : "http://localhost:5000";
        builder.WebHost.UseUrls($"{urls};http://127.0.0.1:{port}");
        builder.Services.AddOpenTelemetry().WithMetrics(m => m
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddMeter("Goldfeder.*")
            .AddPrometheusExporter());
        return builder;
    }

    public static void MapMetrics(this WebApplication app)
    {
        if (app.Configuration.GetValue<int?>("Metrics:Port") is not { } port) return;
        app.MapPrometheusScrapingEndpoint("/metrics").RequireHost($"*:{port}");
    }
}
