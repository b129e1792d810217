namespace Goldfeder.Mail;

/// <summary>One SMTP relay of <c>Mail:Relays</c>: where it is, and the limits its operator sets. 0 means no limit.</summary>
public sealed class RelayOptions : MailOptions.SmtpOptions
{
    /// <summary>How the admin, the logs and a campaign's choice name it.</summary>
    public string Name { get; set; } = "";

    public int MessagesPerSecond { get; set; }

    /// <summary>Counted by this process over the last hour.</summary>
    public int MessagesPerHour { get; set; }

    /// <summary>SMTP connections to this relay at once; 0: as many as the sender uses.</summary>
    public int Connections { get; set; }
}
