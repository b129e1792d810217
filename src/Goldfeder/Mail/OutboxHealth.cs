using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Goldfeder.Mail;

/// <summary>
/// Degraded (still serving, so the proxy keeps the instance) when a mail has waited longer than
/// <see cref="OutboxOptions.StuckAfter"/>: the mail server is unreachable or refusing, and someone should look.
/// </summary>
public sealed class OutboxHealth(GoldfederDb db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<OutboxOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var oldest = await db.Set<OutboxMail>().Where(m => m.Status == OutboxStatus.Pending).MinAsync(m => (DateTime?)m.CreatedAtUtc, ct);
        var waited = oldest is { } at ? clock.GetUtcNow().UtcDateTime - at : TimeSpan.Zero;
        return waited > options.Value.StuckAfter
            ? HealthCheckResult.Degraded($"the oldest unsent mail has waited {waited.TotalMinutes:0} minutes")
            : HealthCheckResult.Healthy();
    }
}
