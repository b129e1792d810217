using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Data;

/// <summary>
/// Named random keys (HMAC keys of personal links, the keyed address hash) made once and shared by every instance.
/// Stored encrypted with Data Protection, whose keys are in turn encrypted with the certificate (<see cref="KeysAtRest"/>).
/// </summary>
public sealed class Secrets(IServiceScopeFactory scopes, IDataProtectionProvider protection)
{
    private const int Length = 32;
    private readonly IDataProtector _protector = protection.CreateProtector("Goldfeder.Secrets");
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
            var stored = await db.Secrets.Where(s => s.Name == name).FirstOrDefaultAsync(ct);
            if (stored is null)
            {
                db.Secrets.Add(new Secret { Name = name, Value = _protector.Protect(RandomNumberGenerator.GetBytes(Length)) });
                try { await db.SaveChangesAsync(ct); }
                catch (DbUpdateException) { /* another instance made it first; read theirs */ }
                stored = await db.Secrets.AsNoTracking().Where(s => s.Name == name).SingleAsync(ct);
            }
            else if (stored.Value.Length == Length)
            {
                // Written in clear by a version before encryption at rest: encrypted now, same key.
                var clear = stored.Value;
                stored.Value = _protector.Protect(clear);
                await db.SaveChangesAsync(ct);
                return _cache[name] = clear;
            }
            return _cache[name] = _protector.Unprotect(stored.Value);
        }
        finally
        {
            _gate.Release();
        }
    }
}
