using System.Threading.Channels;
using System.Threading.RateLimiting;
using Goldfeder.Data;
using Goldfeder.Mail;
using Microsoft.AspNetCore.Identity;

namespace Goldfeder.Features.Staff;

/// <summary>
/// "Passwort vergessen": the page only queues the address here and answers; a background worker looks the account up and
/// puts the mail into the outbox. So the answer, and the time it takes, are the same whether an account exists or not.
/// Three requests per address and hour (in memory, per instance; counted for every address, known or not), on top of
/// the page's per-IP limit. Queued requests are lost on a restart: the member of staff asks again.
/// </summary>
public sealed class PasswordResetRequests : IDisposable
{
    public const int PerAddressPerHour = 3;

    private readonly Channel<(string Email, string BaseUrl)> _queue = Channel.CreateBounded<(string, string)>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly PartitionedRateLimiter<string> _perAddress = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions { PermitLimit = PerAddressPerHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 }));

    /// <summary>False when this address asked too often.</summary>
    public bool TryQueue(string email, string baseUrl)
    {
        var key = email.Trim().ToLowerInvariant();
        using var lease = _perAddress.AttemptAcquire(key);
        if (!lease.IsAcquired) return false;
        _queue.Writer.TryWrite((key, baseUrl));
        return true;
    }

    internal ChannelReader<(string Email, string BaseUrl)> Reader => _queue.Reader;

    public void Dispose() => _perAddress.Dispose();
}

/// <summary>Turns queued requests into reset mails, for accounts that exist, have a password and are not disabled.</summary>
public sealed class PasswordResetMailer(PasswordResetRequests requests, IServiceScopeFactory scopes, TimeProvider clock, ILogger<PasswordResetMailer> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (email, baseUrl) in requests.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var users = scope.ServiceProvider.GetRequiredService<UserManager<AdminUser>>();
                var user = await users.FindByEmailAsync(email);
                if (user is null || user.PasswordHash is null || StaffAccounts.IsDisabled(user, clock.GetUtcNow().UtcDateTime)) continue;
                var token = await users.GeneratePasswordResetTokenAsync(user);
                var link = $"{baseUrl}/admin/passwort-neu?konto={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
                var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
                outbox.Add(scope.ServiceProvider.GetRequiredService<StaffMails>().PasswordReset(user.Email!, link));
                await scope.ServiceProvider.GetRequiredService<GoldfederDb>().SaveChangesAsync(stoppingToken);
                outbox.Wake();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "A password reset mail could not be queued");
            }
        }
    }
}
