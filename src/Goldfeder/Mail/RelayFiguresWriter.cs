using Goldfeder.Data;
using Microsoft.Extensions.Options;

namespace Goldfeder.Mail;

/// <summary>Writes this instance's relay counts and state to <see cref="RelayFigure"/> every <c>Mail:RelayFiguresInterval</c> (1 s), and once more on shutdown.</summary>
public sealed class RelayFiguresWriter(RelayPool relays, IServiceScopeFactory scopes, IOptions<MailOptions> options, ILogger<RelayFiguresWriter> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RelayFiguresInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await WriteAsync(stoppingToken);
        }
        catch (OperationCanceledException) { }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await WriteAsync(cancellationToken);
    }

    private async Task WriteAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await relays.WriteAsync(scope.ServiceProvider.GetRequiredService<GoldfederDb>(), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Relay figures not written; trying again in a moment");
        }
    }
}
