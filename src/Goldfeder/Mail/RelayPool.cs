using Goldfeder.Data;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Goldfeder.Mail;

/// <summary>
/// Bulk mail over every configured relay (<see cref="MailOptions.EffectiveRelays"/>), in their order: a relay that is
/// backing off, has used up its hour or cannot be reached is passed over for the next (failover). A "slow down" answer
/// (421, 451, 454) sets that relay back instead of failing the message. Without relays, the pickup folder is the one
/// "relay". Failure policy in Mail/CONTEXT.md.
/// </summary>
public sealed class RelayPool : IAsyncDisposable
{
    private readonly Relay[] _relays;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _writing = new(1, 1);

    public RelayPool(IOptions<MailOptions> options, MailTransports transports, TimeProvider clock)
    {
        _clock = clock;
        var o = options.Value;
        var configured = o.EffectiveRelays();
        _relays = configured.Count == 0
            ? [new Relay(PickupName, () => transports.Pickup!, null, o.RelayRetryBase, o.RelayRetryMax)]
            : [.. configured.Select(r => new Relay(r.Name, () => new SmtpMailTransport(r), r, o.RelayRetryBase, o.RelayRetryMax))];
    }

    public const string PickupName = "Ablage";

    public IReadOnlyList<string> Names => [.. _relays.Select(r => r.Name)];

    /// <summary>Adds what this process sent, deferred and failed since its last write, and its relays' changed state, to <see cref="RelayFigure"/>.</summary>
    public async Task WriteAsync(GoldfederDb db, CancellationToken ct)
    {
        // One writer at a time: two would both add the same unwritten counts.
        await _writing.WaitAsync(ct);
        try
        {
            foreach (var relay in _relays)
            {
                var changes = relay.Unwritten();
                if (changes.None) continue;
                await SharedRelayFigures.AddAsync(db, changes, ct);
                relay.Written(changes);
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>Every relay's figures over all processes, this one's unwritten counts included.</summary>
    public Task<IReadOnlyList<RelayStatus>> StatusAsync(GoldfederDb db, CancellationToken ct) =>
        SharedRelayFigures.ReadAsync(db, [.. _relays.Select(r => r.Unwritten())], ct);

    /// <summary>
    /// The relays a campaign goes out over (null: all), when none of them could be reached at the last try of any
    /// process; null when any of them answered since, or none is configured under that name.
    /// </summary>
    public async Task<IReadOnlyList<RelayStatus>?> AllUnreachableAsync(GoldfederDb db, string? only, CancellationToken ct)
    {
        var candidates = (await StatusAsync(db, ct)).Where(r => only is null || string.Equals(r.Name, only, StringComparison.OrdinalIgnoreCase)).ToList();
        return candidates.Count > 0 && candidates.All(r => r.UnreachableSinceUtc is not null) ? candidates : null;
    }

    /// <summary>Whether any of these relays (null: any) could take a message now; when none can, claiming work only to put it back is pointless.</summary>
    public bool AnyReady(string? only = null)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return Candidates(only).Any(r => r.BlockedUntil(now) is null);
    }

    public abstract record Result;

    /// <summary>The relay answered 250.</summary>
    public sealed record Sent(string Relay) : Result;

    /// <summary>A 5xx for this recipient: permanent.</summary>
    public sealed record Refused(string Reply) : Result;

    /// <summary>Something went wrong with this message (4xx other than "slow down", a dropped connection): retry it later.</summary>
    public sealed record Failed(string Error) : Result;

    /// <summary>
    /// No relay could take it now: try again at <paramref name="UntilUtc"/>, without counting an attempt. When every
    /// relay was unreachable, <paramref name="UnreachableSinceUtc"/> says since when the last of them has been.
    /// </summary>
    public sealed record Deferred(DateTime UntilUtc, string Reason, DateTime? UnreachableSinceUtc) : Result;

    /// <param name="only">The relay a campaign chose, or null for all of them in order.</param>
    /// <param name="envelopeFrom">The envelope sender (MAIL FROM) when it differs from the From header (VERP), else null.</param>
    public async Task<Result> SendAsync(MimeMessage message, string? only, CancellationToken ct, MailboxAddress? envelopeFrom = null)
    {
        DateTime? earliest = null;
        string? reason = null;
        DateTime? unreachableSince = DateTime.MinValue;
        var candidates = Candidates(only).ToList();
        if (candidates.Count == 0)
        {
            var now = _clock.GetUtcNow().UtcDateTime;
            return new Deferred(now.AddMinutes(1), $"Relay \"{only}\" ist nicht konfiguriert", now);
        }
        foreach (var relay in candidates)
        {
            var now = _clock.GetUtcNow().UtcDateTime;
            if (relay.BlockedUntil(now) is { } until)
            {
                Note(relay, until);
                continue;
            }
            var connection = await relay.TakeAsync(ct);
            try
            {
                await connection.SendAsync(message, envelopeFrom, ct);
                relay.Sent(_clock.GetUtcNow().UtcDateTime);
                return new Sent(relay.Name);
            }
            catch (MailRejectedException e)
            {
                relay.Answered();
                return new Refused(e.Message);
            }
            catch (Exception e) when (e is MailDeferredException or RelayUnreachableException)
            {
                relay.SetBack(e.Message, e is RelayUnreachableException, _clock.GetUtcNow().UtcDateTime);
                Note(relay, relay.NextTryUtc ?? now);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                relay.Failed(e.Message);
                return new Failed(e.Message);
            }
            finally
            {
                relay.Return(connection);
            }
        }
        return new Deferred(earliest!.Value, $"{reason}", unreachableSince == DateTime.MinValue ? null : unreachableSince);

        void Note(Relay relay, DateTime until)
        {
            if (earliest is null || until < earliest) earliest = until;
            reason ??= relay.LastError is null ? $"{relay.Name}: Stundenlimit erreicht" : $"{relay.Name}: {relay.LastError}";
            // Every relay must be unreachable; the latest to become so says since when all are.
            unreachableSince = relay.UnreachableSinceUtc is { } since && unreachableSince is { } all ? (since > all ? since : all) : null;
        }
    }

    private IEnumerable<Relay> Candidates(string? only) =>
        only is null ? _relays : _relays.Where(r => string.Equals(r.Name, only, StringComparison.OrdinalIgnoreCase));

    public async ValueTask DisposeAsync()
    {
        foreach (var relay in _relays) await relay.DisposeAsync();
    }
}
