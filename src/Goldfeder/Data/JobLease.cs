using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Goldfeder.Data;

/// <summary>
/// A background job that must run on one instance at a time (see Data/CONTEXT.md) holds its lease while it works. The
/// holder renews it at every run; when the holder dies, the lease runs out and another instance takes the job over.
/// </summary>
public class JobLease
{
    public required string Name { get; set; }
    public required string Holder { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public const string Table = "JobLeases";

    public void Configure(EntityTypeBuilder<JobLease> l)
    {
        l.ToTable(Table);
        l.HasKey(x => x.Name);
        l.Property(x => x.Name).HasMaxLength(100);
        l.Property(x => x.Holder).HasMaxLength(100);
    }
}

public static class JobLeaseTables
{
    /// <summary>This process as a lease holder.</summary>
    public static readonly string Holder = $"{Environment.MachineName[..Math.Min(60, Environment.MachineName.Length)]}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..12]}";

    /// <summary>
    /// insert-lease: the lease row, already expired, unless it exists. {0} name, {1} holder, {2} now. The same text on
    /// both providers. Why raw: two instances may create it at the same moment; EF Core cannot say ON CONFLICT DO NOTHING.
    /// </summary>
    private static readonly SqlStatement InsertLease = new($$"""
        INSERT INTO "{{JobLeaseConfiguration.Table}}" ("{{nameof(JobLease.Name)}}", "{{nameof(JobLease.Holder)}}", "{{nameof(JobLease.ExpiresAtUtc)}}")
        VALUES ({0}, {1}, {2}) ON CONFLICT DO NOTHING
        """);

    extension(GoldfederDb db)
    {
        public DbSet<JobLease> JobLeases => db.Set<JobLease>();

        /// <summary>
        /// Takes the named lease for <paramref name="duration"/>, or renews it when this process holds it already; one
        /// guarded UPDATE, so of two instances asking at once exactly one gets it. False: another instance holds it.
        /// </summary>
        public Task<bool> TryTakeLeaseAsync(string name, TimeSpan duration, TimeProvider clock, CancellationToken ct) =>
            db.TryTakeLeaseAsync(name, Holder, duration, clock, ct);

        /// <summary>The same for a named holder (tests play two instances with it).</summary>
        public async Task<bool> TryTakeLeaseAsync(string name, string holder, TimeSpan duration, TimeProvider clock, CancellationToken ct)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await InsertLease.ExecuteAsync(db, ct, name, holder, now);
            var until = now + duration;
            return await db.JobLeases.Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAtUtc <= now))
                .ExecuteUpdateAsync(u => u.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAtUtc, until), ct) == 1;
        }
    }
}
