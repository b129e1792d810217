using Goldfeder.Features.Articles;
using Goldfeder.Features.Campaigns;
using Goldfeder.Features.Newsletter;
using Goldfeder.Mail;
using Goldfeder.Common;
using Goldfeder.Features.Staff;
using Goldfeder.Features.Careers;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Data;

/// <summary>The one DbContext. Each storage provider has a subclass so that each keeps its own migration set.</summary>
public abstract class GoldfederDb(DbContextOptions options)
    : IdentityDbContext<AdminUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<ArticleRelation> ArticleRelations => Set<ArticleRelation>();
    public DbSet<FormerSlug> FormerSlugs => Set<FormerSlug>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();
    public DbSet<Features.Articles.WordpressImport.WordpressPost> WordpressPosts => Set<Features.Articles.WordpressImport.WordpressPost>();
    public DbSet<Features.Articles.Images.Image> Images => Set<Features.Articles.Images.Image>();
    public DbSet<Features.Articles.Images.ImageVariant> ImageVariants => Set<Features.Articles.Images.ImageVariant>();
    public DbSet<ConsentText> ConsentTexts => Set<ConsentText>();
    public DbSet<Subscriber> Subscribers => Set<Subscriber>();
    public DbSet<ConsentEvent> ConsentEvents => Set<ConsentEvent>();
    public DbSet<OutboxMail> OutboxMails => Set<OutboxMail>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();
    public DbSet<Suppression> Suppressions => Set<Suppression>();
    public DbSet<Secret> Secrets => Set<Secret>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<JobPosting> JobPostings => Set<JobPosting>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<ApplicationFile> ApplicationFiles => Set<ApplicationFile>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GoldfederDb).Assembly);
        modelBuilder.Entity<Secret>().HasKey(s => s.Name);
        modelBuilder.Entity<Secret>().Property(s => s.Name).HasMaxLength(100);
    }
}
