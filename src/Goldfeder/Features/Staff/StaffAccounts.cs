using Goldfeder.Common;
using Goldfeder.Data;
using Goldfeder.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Staff;

/// <summary>One account as the Admin's list shows it.</summary>
public sealed record StaffAccount(string Id, string Email, IReadOnlyList<string> Roles, bool Invited, bool Disabled, bool TwoFactor, DateTime? LastLoginAtUtc);

/// <summary>
/// What the Admin does with accounts: invite, change roles, disable and enable. Every change is audited, and none may
/// leave the site without an active Admin (an account in the Admin role that has set its password and is not disabled).
/// Disabling uses Identity's lockout with no end and a new security stamp, so the account's sessions end at once.
/// </summary>
public sealed class StaffAccounts(UserManager<AdminUser> users, GoldfederDb db, Outbox outbox, StaffMails mails, AuditLog audit, TimeProvider clock)
{
    // Two Admins demoting each other at the same moment on one instance cannot both pass the last-Admin check.
    private static readonly SemaphoreSlim OneChange = new(1, 1);

    public const string LastAdmin = "Das letzte aktive Konto mit der Rolle Administration kann weder deaktiviert noch herabgestuft werden. Geben Sie zuerst einem anderen Konto diese Rolle.";

    public static bool IsDisabled(AdminUser user, DateTime now) => user.LockoutEnd is { } end && end.UtcDateTime > now;

    public async Task<List<StaffAccount>> ListAsync(CancellationToken ct)
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return all.Select(u => new StaffAccount(u.Id, u.Email ?? u.UserName ?? "", roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList(),
            u.PasswordHash is null, IsDisabled(u, now), u.TwoFactorEnabled, u.LastLoginAtUtc)).ToList();
    }

    public async Task<StaffAccount?> FindAsync(string id, CancellationToken ct) => (await ListAsync(ct)).FirstOrDefault(a => a.Id == id);

    /// <summary>Creates the account without a password and mails the link that sets it. Returns German errors, or none.</summary>
    public async Task<IReadOnlyList<string>> InviteAsync(string? email, IReadOnlyCollection<string> roles, string actor, string baseUrl, CancellationToken ct)
    {
        if (!EmailAddress.TryNormalize(email, out var address, out var invalid)) return [invalid];
        email = EmailAddress.Normalize(address);
        if (roles.Count == 0 || roles.Any(r => !Common.Roles.All.Contains(r))) return ["Bitte wählen Sie mindestens eine Rolle."];
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = new AdminUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) return created.Errors.Select(e => e.Description).ToList();
        var added = await users.AddToRolesAsync(user, roles);
        if (!added.Succeeded) return added.Errors.Select(e => e.Description).ToList();
        outbox.Add(mails.Invitation(email, actor, roles, await InvitationLinkAsync(user, baseUrl)));
        await audit.RecordAsync(actor, "staff.invite", email, after: string.Join(", ", roles), ct: ct);
        await tx.CommitAsync(ct);
        outbox.Wake();
        return [];
    }

    /// <summary>A new link for an invitation not yet accepted (the old one stops working: new security stamp).</summary>
    public async Task<string?> ReinviteAsync(string id, string actor, string baseUrl, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || user.PasswordHash is not null) return "Diese Einladung wurde bereits angenommen.";
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await users.UpdateSecurityStampAsync(user);
        outbox.Add(mails.Invitation(user.Email!, actor, await users.GetRolesAsync(user), await InvitationLinkAsync(user, baseUrl)));
        await audit.RecordAsync(actor, "staff.reinvite", user.Email, ct: ct);
        await tx.CommitAsync(ct);
        outbox.Wake();
        return null;
    }

    public async Task<string?> SetRolesAsync(string id, IReadOnlyCollection<string> roles, string actor, CancellationToken ct)
    {
        if (roles.Count == 0 || roles.Any(r => !Common.Roles.All.Contains(r))) return "Bitte wählen Sie mindestens eine Rolle.";
        return await ChangeAsync(id, ct, async user =>
        {
            var before = await users.GetRolesAsync(user);
            if (before.Contains(Common.Roles.Admin) && !roles.Contains(Common.Roles.Admin) && !await AnotherActiveAdminAsync(user, ct)) return LastAdmin;
            var removed = await users.RemoveFromRolesAsync(user, before.Except(roles));
            var added = removed.Succeeded ? await users.AddToRolesAsync(user, roles.Except(before)) : removed;
            if (!added.Succeeded) return string.Join(" ", added.Errors.Select(e => e.Description));
            // The account's sessions carry its old roles: a new stamp makes them log in again.
            await users.UpdateSecurityStampAsync(user);
            await audit.RecordAsync(actor, "staff.roles", user.Email, string.Join(", ", before.Order()), string.Join(", ", roles.Order()), ct);
            return null;
        });
    }

    public Task<string?> DisableAsync(string id, string actor, CancellationToken ct) => ChangeAsync(id, ct, async user =>
    {
        if (await users.IsInRoleAsync(user, Common.Roles.Admin) && !await AnotherActiveAdminAsync(user, ct)) return LastAdmin;
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(user);
        await audit.RecordAsync(actor, "staff.disable", user.Email, ct: ct);
        return null;
    });

    public Task<string?> EnableAsync(string id, string actor, CancellationToken ct) => ChangeAsync(id, ct, async user =>
    {
        await users.SetLockoutEndDateAsync(user, null);
        await audit.RecordAsync(actor, "staff.enable", user.Email, ct: ct);
        return null;
    });

    private async Task<string?> ChangeAsync(string id, CancellationToken ct, Func<AdminUser, Task<string?>> change)
    {
        await OneChange.WaitAsync(ct);
        try
        {
            var user = await users.FindByIdAsync(id);
            if (user is null) return "Dieses Konto gibt es nicht mehr.";
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var error = await change(user);
            if (error is null) await tx.CommitAsync(ct);
            return error;
        }
        finally
        {
            OneChange.Release();
        }
    }

    private async Task<bool> AnotherActiveAdminAsync(AdminUser user, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var admins = await users.GetUsersInRoleAsync(Common.Roles.Admin);
        return admins.Any(a => a.Id != user.Id && a.PasswordHash is not null && !IsDisabled(a, now));
    }

    private async Task<string> InvitationLinkAsync(AdminUser user, string baseUrl)
    {
        var token = await users.GenerateUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose);
        return $"{baseUrl}/admin/einladung?konto={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
    }
}
