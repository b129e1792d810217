using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Legal;

/// <summary>The legal pages' tables on the one DbContext.</summary>
public static class LegalTables
{
    extension(GoldfederDb db)
    {
        public DbSet<LegalPage> LegalPages => db.Set<LegalPage>();
        public DbSet<LegalPageRevision> LegalPageRevisions => db.Set<LegalPageRevision>();
    }
}
