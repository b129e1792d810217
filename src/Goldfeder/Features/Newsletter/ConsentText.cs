using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Goldfeder.Features.Newsletter;

/// <summary>
/// A consent declaration exactly as a reader saw it next to the form. Never changed: a new wording is a new version.
/// GDPR Art. 7(1) puts the proof of consent on us; BGH I ZR 164/09 asks for the concrete declaration, printable.
/// </summary>
public class ConsentText
{
    public int Id { get; set; }
    public int Version { get; set; }
    public required string Text { get; set; }
    public required string Sha256 { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    public static string HashOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

internal sealed class ConsentTextConfiguration : IEntityTypeConfiguration<ConsentText>
{
    public const string Table = "ConsentTexts";

    public void Configure(EntityTypeBuilder<ConsentText> c)
    {
        c.ToTable(Table);
        c.HasIndex(x => x.Version).IsUnique();
        c.HasIndex(x => x.Sha256).IsUnique();
        c.Property(x => x.Sha256).HasMaxLength(64);
    }
}
