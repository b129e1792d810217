using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Goldfeder.Features.Site;

public static class Health
{
    /// <summary><c>/healthz</c>: 200 with each check's state when healthy, 503 when the database cannot be reached.</summary>
    public static void MapHealth(this WebApplication app) =>
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteJson });

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
