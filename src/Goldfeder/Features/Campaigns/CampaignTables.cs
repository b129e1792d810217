using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Campaigns;

/// <summary>The campaigns' tables on the one DbContext.</summary>
public static class CampaignTables
{
    extension(GoldfederDb db)
    {
        public DbSet<Campaign> Campaigns => db.Set<Campaign>();
        public DbSet<Delivery> Deliveries => db.Set<Delivery>();
        public DbSet<Suppression> Suppressions => db.Set<Suppression>();
        public DbSet<CampaignTopic> CampaignTopics => db.Set<CampaignTopic>();
    }
}
