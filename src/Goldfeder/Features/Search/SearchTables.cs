using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Search;

/// <summary>Search's table on the one DbContext; it reads Articles' tables but writes only this one.</summary>
public static class SearchTables
{
    extension(GoldfederDb db)
    {
        public DbSet<SearchDocument> SearchDocuments => db.Set<SearchDocument>();
    }
}
