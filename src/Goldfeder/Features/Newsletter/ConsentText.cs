using System.Security.Cryptography;
using System.Text;
using Goldfeder.Data;
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

/// <summary>
/// The version for the text the form shows now, created on first use and then kept in memory. Two instances racing
/// to create it are kept apart by the unique indexes; the loser reads the winner's row.
/// </summary>
public sealed class ConsentTexts(IServiceScopeFactory scopes, TimeProvider clock)
{
    private volatile ConsentText? _current;

    public async Task<ConsentText> CurrentAsync(string text, CancellationToken ct)
    {
        var hash = ConsentText.HashOf(text);
        if (_current is { } cached && cached.Sha256 == hash) return cached;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GoldfederDb>();
        var found = await db.ConsentTexts.AsNoTracking().FirstOrDefaultAsync(c => c.Sha256 == hash, ct);
        if (found is null)
        {
            // The next version and its row in one transaction: on SQLite no other writer of this process comes between.
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                var version = (await db.ConsentTexts.MaxAsync(c => (int?)c.Version, ct) ?? 0) + 1;
                db.ConsentTexts.Add(new ConsentText { Version = version, Text = text, Sha256 = hash, CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
                try
                {
                    await db.SaveChangesAsync(ct);
                    await tx.CommitAsync(ct);
                }
                catch (DbUpdateException) { /* another instance created it first */ }
            }
            found = await db.ConsentTexts.AsNoTracking().SingleAsync(c => c.Sha256 == hash, ct);
        }
        return _current = found;
    }
}
