using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Goldfeder.Features.Legal;

/// <summary>
/// The Impressum (§ 5 DDG) or the Datenschutzerklärung (Art. 13 GDPR) as the Admin wrote it: Markdown, and the HTML
/// rendered from it when saved. A placeholder (demo content) counts as missing until the Admin saves a real text.
/// </summary>
public class LegalPage
{
    /// <summary><c>impressum</c> or <c>datenschutz</c>: its route and its key.</summary>
    public required string Slug { get; set; }
    public required string Markdown { get; set; }
    public required string Html { get; set; }
    public bool IsPlaceholder { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}

internal sealed class LegalPageConfiguration : IEntityTypeConfiguration<LegalPage>
{
    public const string Table = "LegalPages";

    public void Configure(EntityTypeBuilder<LegalPage> p)
    {
        p.ToTable(Table);
        p.HasKey(x => x.Slug);
        p.Property(x => x.Slug).HasMaxLength(50);
        p.Property(x => x.Markdown).HasMaxLength(LegalPageSaver.MaxLength);
    }
}
