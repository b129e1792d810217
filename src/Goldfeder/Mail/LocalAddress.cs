using MimeKit;

namespace Goldfeder.Mail;

/// <summary>Whether an address still has a development default's domain, so Production can refuse to start with it.</summary>
public static class LocalAddress
{
    public static bool IsLocal(string? address)
    {
        if (string.IsNullOrWhiteSpace(address) || !MailboxAddress.TryParse(address, out var mailbox)) return true;
        var domain = mailbox.Domain.TrimEnd('.');
        return domain.Length == 0 || domain.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || domain.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
    }
}
