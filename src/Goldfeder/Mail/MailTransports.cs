using Microsoft.Extensions.Options;

namespace Goldfeder.Mail;

/// <summary>
/// The system mails' transport: SMTP to the first relay (<see cref="MailOptions.EffectiveRelays"/>), else the pickup
/// folder. <see cref="Shared"/> serves the system mails; the outbox asks for <see cref="NewConnection"/> once per extra
/// lane, so each keeps its own SMTP session. Campaigns go through <see cref="RelayPool"/>, over every relay.
/// </summary>
public sealed class MailTransports(IOptions<MailOptions> options, IHostEnvironment env)
{
    private readonly RelayOptions? _first = options.Value.EffectiveRelays().FirstOrDefault();
    private readonly Lazy<IMailTransport> _shared = new(() => Create(options.Value, env));

    public IMailTransport Shared => _shared.Value;

    public IMailTransport NewConnection() => _first is null ? _shared.Value : new SmtpMailTransport(_first);

    /// <summary>The pickup folder when no relay is configured (one is enough: each file is written on its own).</summary>
    public IMailTransport? Pickup => _first is null ? _shared.Value : null;

    private static IMailTransport Create(MailOptions options, IHostEnvironment env) =>
        options.EffectiveRelays().FirstOrDefault() is { } relay
            ? new SmtpMailTransport(relay)
            : new PickupFolderTransport(MailSetup.PickupFolder(options, env));
}
