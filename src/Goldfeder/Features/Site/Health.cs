using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Goldfeder.Features.Site;

public static class Health
{
    /// <summary>
    /// <c>/healthz/live</c>: the process answers (no checks; for the service manager). <c>/healthz/ready</c> (and
    /// <c>/healthz</c>): 200 with each check's state when the database is reachable and migrated (a stuck outbox is
    /// "Degraded", still 200), 503 otherwise (for the proxy).
    /// </summary>
    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJson });
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { ResponseWriter = WriteJson });
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteJson });
    }

    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        }));
    }
}
