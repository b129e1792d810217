using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Articles;

/// <summary>The articles' tables on the one DbContext (see docs/architecture.md: Data knows no feature; each brings its own sets and configurations).</summary>
public static class ArticleTables
{
    extension(GoldfederDb db)
    {
        public DbSet<Article> Articles => db.Set<Article>();
        public DbSet<ArticleRelation> ArticleRelations => db.Set<ArticleRelation>();
        public DbSet<FormerSlug> FormerSlugs => db.Set<FormerSlug>();
        public DbSet<Category> Categories => db.Set<Category>();
        public DbSet<Tag> Tags => db.Set<Tag>();
        public DbSet<ArticleRevision> ArticleRevisions => db.Set<ArticleRevision>();
        public DbSet<AuthorProfile> AuthorProfiles => db.Set<AuthorProfile>();
        public DbSet<WordpressImport.WordpressPost> WordpressPosts => db.Set<WordpressImport.WordpressPost>();
        public DbSet<Images.Image> Images => db.Set<Images.Image>();
        public DbSet<Images.ImageVariant> ImageVariants => db.Set<Images.ImageVariant>();
        public DbSet<Images.ImageCrop> ImageCrops => db.Set<Images.ImageCrop>();
    }
}
