using Goldfeder.Data;
using Goldfeder.Common;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Goldfeder.Features.Staff;

/// <summary>Creates roles and accounts. There is no default account and no default password anywhere.</summary>
public static class AdminAccounts
{
    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
    }

    /// <summary>Returns the errors in German, or none when the account was created.</summary>
    public static async Task<IReadOnlyList<string>> CreateAsync(IServiceProvider services, string email, string role, string password)
    {
        if (!Roles.All.Contains(role)) return [$"Unbekannte Rolle „{role}“; möglich sind: {string.Join(", ", Roles.All)}."];
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AdminUser>>();
        var user = new AdminUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return created.Errors.Select(e => e.Description).ToList();
        var added = await users.AddToRoleAsync(user, role);
        return added.Succeeded ? [] : added.Errors.Select(e => e.Description).ToList();
    }

    /// <summary>20 characters from an alphabet without look-alikes, always with upper, lower case and a digit.</summary>
    public static string GeneratePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789";
        var all = upper + lower + digits;
        var chars = new char[20];
        for (var i = 0; i < chars.Length; i++) chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
