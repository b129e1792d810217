using MailKit.Security;

namespace Goldfeder.Mail;

/// <summary>
/// <c>Mail:*</c>. Relays from <c>Mail:Relays</c>, else <c>Mail:Smtp</c> as the one relay; without either, every mail is
/// written as an .eml file to the pickup folder.
/// </summary>
public sealed class MailOptions
{
    public string From { get; set; } = "Kettner Edelmetalle <newsletter@localhost>";
    public string? PickupDirectory { get; set; }
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary><c>Mail:Relays:0:Name</c>, <c>…:Host</c>, …: tried in this order, each with limits of its own.</summary>
    public List<RelayOptions> Relays { get; set; } = [];

    /// <summary>A relay that says "slow down" (421, 451, 454) or cannot be reached rests this long, doubling each time up to <see cref="RelayRetryMax"/>.</summary>
    public TimeSpan RelayRetryBase { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan RelayRetryMax { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often each instance adds its relay counts to the shared figures the admin shows (<see cref="RelayFigure"/>).</summary>
    public TimeSpan RelayFiguresInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The relays in use: <see cref="Relays"/> with a host, else <c>Mail:Smtp</c> as one relay named "smtp", else none.</summary>
    public IReadOnlyList<RelayOptions> EffectiveRelays()
    {
        var configured = Relays.Where(r => !string.IsNullOrWhiteSpace(r.Host)).ToList();
        if (configured.Count > 0) return configured;
        if (string.IsNullOrWhiteSpace(Smtp.Host)) return [];
        return
        [
            new RelayOptions
            {
                Name = "smtp", Host = Smtp.Host, Port = Smtp.Port, UserName = Smtp.UserName, Password = Smtp.Password,
                Security = Smtp.Security, TimeoutSeconds = Smtp.TimeoutSeconds,
            },
        ];
    }

    public class SmtpOptions
    {
        public string? Host { get; set; }
        public int Port { get; set; } = 25;
        public string? UserName { get; set; }
        public string? Password { get; set; }
        public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
        public int TimeoutSeconds { get; set; } = 30;
    }
}
