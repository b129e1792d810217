using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Staff;

/// <summary>Staff's own table on the one DbContext (the accounts are Identity's).</summary>
public static class StaffTables
{
    extension(GoldfederDb db)
    {
        public DbSet<StaffPolicy> StaffPolicies => db.Set<StaffPolicy>();
    }
}
