using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Goldfeder.Features.Articles.WordpressImport;

/// <summary>
/// A WordPress post that became an article: its post id and guid make a second import of the same file a no-op,
/// and its old permalink path (and <c>/?p=ID</c>) answers with a 301 to the article.
/// </summary>
public class WordpressPost
{
    public int PostId { get; set; }
    public required string Guid { get; set; }

    /// <summary>The permalink's path and query as <see cref="PathOf"/> normalises it, e.g. <c>/2024/03/goldpreis</c>.</summary>
    public required string OldPath { get; set; }

    public int ArticleId { get; set; }
    public Article? Article { get; set; }

    /// <summary>
    /// Decoded path without a trailing slash, plus the query if there is one: the form both the import and the
    /// incoming request are reduced to, so <c>/a/b/</c>, <c>/a/b</c> and <c>/a/%C3%BC</c> vs <c>/a/ü</c> meet.
    /// </summary>
    public static string PathOf(string path, string? query)
    {
        var decoded = Uri.UnescapeDataString(path);
        var trimmed = decoded.Length > 1 ? decoded.TrimEnd('/') : decoded;
        if (trimmed.Length == 0) trimmed = "/";
        return string.IsNullOrEmpty(query) || query == "?" ? trimmed : trimmed + (query.StartsWith('?') ? query : "?" + query);
    }
}

internal sealed class WordpressPostConfiguration : IEntityTypeConfiguration<WordpressPost>
{
    public const string Table = "WordpressPosts";

    public void Configure(EntityTypeBuilder<WordpressPost> w)
    {
        w.ToTable(Table);
        w.HasKey(x => x.PostId);
        w.Property(x => x.PostId).ValueGeneratedNever();
        w.Property(x => x.Guid).HasMaxLength(500);
        w.HasIndex(x => x.Guid).IsUnique();
        w.Property(x => x.OldPath).HasMaxLength(800);
        w.HasIndex(x => x.OldPath);
        w.HasOne(x => x.Article).WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
