using Goldfeder.Common;
using MimeKit;

namespace Goldfeder.Features.Staff;

/// <summary>The mails of staff accounts: the invitation and the password reset. Each carries one personal link.</summary>
public sealed class StaffMails(Letters letters)
{
    public MimeMessage Invitation(string email, string invitedBy, IEnumerable<string> roles, string link) =>
        letters.Write(new MailboxAddress("", email), "Ihre Einladung in die Verwaltung",
        [
            "Guten Tag,",
            $"{invitedBy} hat für Sie ein Konto in der Verwaltung der Website angelegt ({string.Join(", ", roles.Select(Roles.Label))}).",
            "Über den folgenden Link legen Sie Ihr Passwort fest. Der Link gilt 48 Stunden und nur einmal.",
        ],
        new Letters.Button(link, "Passwort festlegen"),
        ["Falls Sie diese Einladung nicht erwartet haben, können Sie diese E-Mail einfach löschen."]);

    public MimeMessage PasswordReset(string email, string link) =>
        letters.Write(new MailboxAddress("", email), "Neues Passwort für die Verwaltung",
        [
            "Guten Tag,",
            "für Ihr Konto in der Verwaltung wurde ein neues Passwort angefordert. Über den folgenden Link legen Sie es fest. Der Link gilt eine Stunde und nur einmal.",
        ],
        new Letters.Button(link, "Neues Passwort festlegen"),
        ["Falls Sie kein neues Passwort angefordert haben, können Sie diese E-Mail löschen; Ihr bisheriges Passwort bleibt gültig."]);
}
