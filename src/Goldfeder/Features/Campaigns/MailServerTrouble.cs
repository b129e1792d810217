using System.Globalization;
using Goldfeder.Common;
using Goldfeder.Data;
using Goldfeder.Mail;

namespace Goldfeder.Features.Campaigns;

/// <summary>
/// What the sending page and <c>campaigns send</c> say while no relay of a campaign can be reached: the server's error
/// and the next try, instead of progress figures standing at zero. The relays' state is the last any sending process
/// saw (<see cref="RelayFigure"/>), so every instance's page and the command say the same.
/// </summary>
public static class MailServerTrouble
{
    /// <summary>For staff, in German with Berlin time; null while a relay works.</summary>
    public static async Task<string?> GermanAsync(RelayPool relays, GoldfederDb db, string? relay, CancellationToken ct)
    {
        if (await relays.AllUnreachableAsync(db, relay, ct) is not { } down) return null;
        var subject = down.Count == 1 ? "Der Mailserver ist nicht erreichbar" : "Keiner der Mailserver ist erreichbar";
        var next = NextTry(down) is { } at ? $"; nächster Versuch um {BerlinTime.Time(at)}" : "";
        return $"{subject} ({Errors(down)}){next}. Die Empfänger bleiben vorgemerkt; es geht nichts verloren.";
    }

    /// <summary>For the operator's terminal; null while a relay works.</summary>
    public static async Task<string?> EnglishAsync(RelayPool relays, GoldfederDb db, string? relay, CancellationToken ct)
    {
        if (await relays.AllUnreachableAsync(db, relay, ct) is not { } down) return null;
        var next = NextTry(down) is { } at
            ? $"; next try at {BerlinTime.ToBerlin(at).ToString("HH:mm:ss", CultureInfo.InvariantCulture)} (Europe/Berlin)"
            : "";
        return $"mail server not reachable ({LogText.WithoutAddresses(Errors(down))}){next}; the recipients stay queued";
    }

    private static string Errors(IReadOnlyList<RelayStatus> down) =>
        string.Join("; ", down.Select(r => down.Count == 1 ? r.LastError : $"{r.Name}: {r.LastError}"));

    private static DateTime? NextTry(IReadOnlyList<RelayStatus> down) => down.Min(r => r.NextTryUtc);
}
