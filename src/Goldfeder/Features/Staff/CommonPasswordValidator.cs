using System.Reflection;
using Goldfeder.Data;
using Microsoft.AspNetCore.Identity;

namespace Goldfeder.Features.Staff;

/// <summary>
/// Refuses passwords from the list of common ones shipped in <c>CommonPasswords.txt</c>, also with digits and symbols
/// around them ("Passwort2026!", "Goldfeder123"), since guessing starts there. Works offline; the list is small and
/// meant to grow.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AdminUser>
{
    private static readonly HashSet<string> Common = Load();

    public Task<IdentityResult> ValidateAsync(UserManager<AdminUser> manager, AdminUser user, string? password)
    {
        if (password is null || !IsCommon(password)) return Task.FromResult(IdentityResult.Success);
        return Task.FromResult(IdentityResult.Failed(new IdentityError
        {
            Code = "PasswordTooCommon",
            Description = "Dieses Passwort ist zu verbreitet und wird bei Angriffen zuerst ausprobiert. Bitte wählen Sie ein anderes.",
        }));
    }

    public static bool IsCommon(string password)
    {
        var lower = password.ToLowerInvariant();
        var core = lower.Trim().TrimStart(Digitsymbols).TrimEnd(Digitsymbols);
        return Common.Contains(lower) || Common.Contains(core) || Common.Contains(core.Replace(" ", "").Replace("-", "").Replace("_", ""));
    }

    private static readonly char[] Digitsymbols = "0123456789!\"§$%&/()=?*+#'-_.:,;<>@^°~ ".ToCharArray();

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Goldfeder.Features.Staff.CommonPasswords.txt")
            ?? throw new InvalidOperationException("CommonPasswords.txt is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet();
    }
}
