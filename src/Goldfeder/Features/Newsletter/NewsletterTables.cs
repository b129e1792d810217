using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Newsletter;

/// <summary>The newsletter's tables on the one DbContext: the consent ledger, the topics and who chose which.</summary>
public static class NewsletterTables
{
    extension(GoldfederDb db)
    {
        public DbSet<ConsentText> ConsentTexts => db.Set<ConsentText>();
        public DbSet<Subscriber> Subscribers => db.Set<Subscriber>();
        public DbSet<ConsentEvent> ConsentEvents => db.Set<ConsentEvent>();
        public DbSet<NewsletterTopic> NewsletterTopics => db.Set<NewsletterTopic>();
        public DbSet<SubscriberTopic> SubscriberTopics => db.Set<SubscriberTopic>();
    }
}
