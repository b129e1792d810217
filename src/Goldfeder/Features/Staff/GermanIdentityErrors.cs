using Microsoft.AspNetCore.Identity;

namespace Goldfeder.Features.Staff;

/// <summary>Identity's messages in German, for the operator command and the admin.</summary>
public sealed class GermanIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"Das Passwort muss mindestens {length} Zeichen lang sein." };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "Das Passwort muss eine Ziffer enthalten." };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "Das Passwort muss einen Kleinbuchstaben enthalten." };
    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "Das Passwort muss einen Großbuchstaben enthalten." };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"Es gibt bereits ein Konto für {userName}." };
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = $"Es gibt bereits ein Konto für {email}." };
    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = $"„{email}“ ist keine gültige E-Mail-Adresse." };
}
