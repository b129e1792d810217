using System.Collections.Concurrent;

namespace Goldfeder.Features.Staff;

/// <summary>
/// Failed logins counted per account and client IP, not per account: five failures from one address shut that address
/// out of that account for 15 minutes, while the member of staff, from their own address, can still log in. A hard
/// lock per account would let any stranger lock staff out by guessing five times. Against guessing from many
/// addresses stand the per-IP rate limit of the login page and the password rules. Kept in memory: with several
/// instances each counts its own attempts (five per instance), and a restart forgets them.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, (int Failures, DateTime Until)> _failures = new();

    public bool IsBlocked(string account, string? ip) =>
        _failures.TryGetValue(Key(account, ip), out var f) && f.Failures >= MaxFailures && f.Until > Now;

    public void Failed(string account, string? ip)
    {
        var now = Now;
        _failures.AddOrUpdate(Key(account, ip), _ => (1, now + Window),
            (_, f) => f.Until > now ? (f.Failures + 1, now + Window) : (1, now + Window));
        // Bounded memory: a scan past 10,000 keys drops the expired ones (a flood of guesses from many addresses).
        if (_failures.Count > 10_000)
            foreach (var (key, f) in _failures)
                if (f.Until <= now) _failures.TryRemove(key, out _);
    }

    public void Succeeded(string account, string? ip) => _failures.TryRemove(Key(account, ip), out _);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static string Key(string account, string? ip) => account.Trim().ToLowerInvariant() + "|" + (ip ?? "unknown");
}
