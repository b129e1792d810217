using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Common;

/// <summary>The audit log's table on the one DbContext.</summary>
public static class AuditTables
{
    extension(GoldfederDb db)
    {
        public DbSet<AuditEntry> AuditEntries => db.Set<AuditEntry>();
    }
}
