using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Newsletter;

/// <summary>The newsletter's tables on the one DbContext: the consent ledger.</summary>
public static class NewsletterTables
{
    extension(GoldfederDb db)
    {
        public DbSet<ConsentText> ConsentTexts => db.Set<ConsentText>();
        public DbSet<Subscriber> Subscribers => db.Set<Subscriber>();
        public DbSet<ConsentEvent> ConsentEvents => db.Set<ConsentEvent>();
    }
}
