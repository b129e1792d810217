using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Newsletter;

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
