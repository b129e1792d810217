using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Privacy;

/// <summary>The privacy feature's table on the one DbContext.</summary>
public static class PrivacyTables
{
    extension(GoldfederDb db)
    {
        public DbSet<SubjectRequest> SubjectRequests => db.Set<SubjectRequest>();
    }
}
