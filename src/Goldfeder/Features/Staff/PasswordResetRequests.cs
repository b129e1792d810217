using System.Threading.Channels;
using Goldfeder.Common.Shared;
using Goldfeder.Data;
using Goldfeder.Mail;
using Microsoft.AspNetCore.Identity;

namespace Goldfeder.Features.Staff;

/// <summary>
/// "Passwort vergessen": the page only queues the address here and answers; a background worker looks the account up and
/// puts the mail into the outbox. So the answer, and the time it takes, are the same whether an account exists or not.
/// Three requests per address and hour (counted for every address, known or not; in Redis when configured, so across
/// instances, see <see cref="SharedCounters"/>), on top of the page's per-IP limit. Queued requests are lost on a
/// restart: the member of staff asks again.
/// </summary>
public sealed class PasswordResetRequests(SharedCounters counters)
{
    public const int PerAddressPerHour = 3;

    private readonly Channel<(string Email, string BaseUrl)> _queue = Channel.CreateBounded<(string, string)>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite });
    /// <summary>False when this address asked too often.</summary>
    public async Task<bool> TryQueueAsync(string email, string baseUrl)
    {
        var key = email.Trim().ToLowerInvariant();
        if (await counters.AddAsync("password-reset:" + key, TimeSpan.FromHours(1)) > PerAddressPerHour) return false;
        _queue.Writer.TryWrite((key, baseUrl));
        return true;
    }

    internal ChannelReader<(string Email, string BaseUrl)> Reader => _queue.Reader;
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
