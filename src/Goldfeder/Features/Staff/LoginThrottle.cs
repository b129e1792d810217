using Goldfeder.Common.Shared;

namespace Goldfeder.Features.Staff;

/// <summary>
/// Failed logins counted per account and client IP, not per account: five failures from one address shut that address
/// out of that account for 15 minutes after the last one, while the member of staff, from their own address, can still
/// log in. A hard lock per account would let any stranger lock staff out by guessing five times. Against guessing from
/// many addresses stand the per-IP rate limit of the login page and the password rules. Counted in Redis when it is
/// configured (one count for all instances), else in this process (<see cref="SharedCounters"/>).
/// </summary>
public sealed class LoginThrottle(SharedCounters counters)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public async Task<bool> IsBlockedAsync(string account, string? ip) => await counters.GetAsync(Key(account, ip)) >= MaxFailures;

    public async Task FailedAsync(string account, string? ip) => await counters.AddAsync(Key(account, ip), Window, slide: true);

    public async Task SucceededAsync(string account, string? ip) => await counters.ResetAsync(Key(account, ip));

    private static string Key(string account, string? ip) => "login|" + account.Trim().ToLowerInvariant() + "|" + (ip ?? "unknown");
}
