using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Goldfeder.Features.Staff;

/// <summary>Rules the Admin sets for every account; one row (id 1), absent until first saved.</summary>
public class StaffPolicy
{
    public const int SingleId = 1;
    public int Id { get; set; } = SingleId;

    /// <summary>Every account needs an authenticator app; those without one are sent to set it up after login.</summary>
    public bool RequireTwoFactor { get; set; }
}

internal sealed class StaffPolicyConfiguration : IEntityTypeConfiguration<StaffPolicy>
{
    public void Configure(EntityTypeBuilder<StaffPolicy> p)
    {
        p.ToTable("StaffPolicies");
        p.HasKey(x => x.Id);
        p.Property(x => x.Id).ValueGeneratedNever();
    }
}
