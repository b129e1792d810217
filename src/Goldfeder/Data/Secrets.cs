using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Data;

public sealed class Secrets(IServiceScopeFactory scopes)
{
    private readonly Dictionary<string, byte[]> _cache = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<byte[]> GetAsync(string name, CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_cache.TryGetValue(name, out var cached)) return cached;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GoldfederDb>();
            var value = await db.Secrets.Where(s => s.Name == name).Select(s => s.Value).FirstOrDefaultAsync(ct);
            if (value is null)
            {
                db.Secrets.Add(new Secret { Name = name, Value = RandomNumberGenerator.GetBytes(32) });
                try { await db.SaveChangesAsync(ct); }
                catch (DbUpdateException) { /* another instance made it first; read theirs */ }
                value = await db.Secrets.AsNoTracking().Where(s => s.Name == name).Select(s => s.Value).SingleAsync(ct);
            }
            return _cache[name] = value;
        }
        finally
        {
            _gate.Release();
        }
    }
}
