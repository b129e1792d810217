using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Careers;

/// <summary>The careers' tables on the one DbContext.</summary>
public static class CareersTables
{
    extension(GoldfederDb db)
    {
        public DbSet<JobPosting> JobPostings => db.Set<JobPosting>();
        public DbSet<Application> Applications => db.Set<Application>();
        public DbSet<ApplicationFile> ApplicationFiles => db.Set<ApplicationFile>();
        public DbSet<ApplicationReply> ApplicationReplies => db.Set<ApplicationReply>();
        public DbSet<ReplyTemplate> ReplyTemplates => db.Set<ReplyTemplate>();
    }
}
