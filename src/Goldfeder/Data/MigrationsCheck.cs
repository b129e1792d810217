using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Goldfeder.Data;

/// <summary>Not ready while the database lacks a migration this version needs (e.g. Storage:MigrateOnStart is off and the operator has not run them).</summary>
public sealed class MigrationsCheck(GoldfederDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        return pending.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied, first {pending[0]}");
    }
}
