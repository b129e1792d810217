using MailKit.Security;

namespace Goldfeder.Mail;

/// <summary><c>Mail:*</c>. Without <c>Mail:Smtp:Host</c> every mail is written as an .eml file to the pickup folder.</summary>
public sealed class MailOptions
{
    public string From { get; set; } = "Kettner Edelmetalle <newsletter@localhost>";
    public string? PickupDirectory { get; set; }
    public SmtpOptions Smtp { get; set; } = new();

    public sealed class SmtpOptions
    {
        public string? Host { get; set; }
        public int Port { get; set; } = 25;
        public string? UserName { get; set; }
        public string? Password { get; set; }
        public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
        public int TimeoutSeconds { get; set; } = 30;
    }
}
