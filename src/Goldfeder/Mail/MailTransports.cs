using Microsoft.Extensions.Options;

namespace Goldfeder.Mail;

/// <summary>
/// The configured transport: SMTP when <c>Mail:Smtp:Host</c> is set, else the pickup folder. <see cref="Shared"/> serves
/// the system mails; a bulk sender asks for <see cref="NewConnection"/> once per worker, so each keeps its own SMTP session.
/// </summary>
public sealed class MailTransports(IOptions<MailOptions> options, IHostEnvironment env)
{
    private readonly PickupFolderTransport? _pickup =
        string.IsNullOrWhiteSpace(options.Value.Smtp.Host) ? new PickupFolderTransport(MailSetup.PickupFolder(options.Value, env)) : null;
    private readonly Lazy<IMailTransport> _shared = new(() =>
        string.IsNullOrWhiteSpace(options.Value.Smtp.Host) ? new PickupFolderTransport(MailSetup.PickupFolder(options.Value, env)) : new SmtpMailTransport(options));

    public IMailTransport Shared => _shared.Value;

    public IMailTransport NewConnection() => (IMailTransport?)_pickup ?? new SmtpMailTransport(options);
}
