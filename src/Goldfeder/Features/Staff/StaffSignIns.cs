using Goldfeder.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Staff;

/// <summary>What every completed login does, after the password and, where there is one, the second factor.</summary>
public sealed class StaffSignIns(GoldfederDb db, UserManager<AdminUser> users, TimeProvider clock)
{
    public async Task CompletedAsync(AdminUser user, CancellationToken ct)
    {
        user.LastLoginAtUtc = clock.GetUtcNow().UtcDateTime;
        await users.UpdateAsync(user);
    }

    public async Task<bool> TwoFactorRequiredAsync(CancellationToken ct) =>
        await db.StaffPolicies.AsNoTracking().Where(p => p.Id == StaffPolicy.SingleId).Select(p => p.RequireTwoFactor).FirstOrDefaultAsync(ct);
}

/// <summary>
/// When the Admin requires two-factor login, an account without it reaches no admin page but the setup (and logout)
/// until it has set it up.
/// </summary>
public sealed class RequireTwoFactorFilter(StaffSignIns signIns, UserManager<AdminUser> users) : Microsoft.AspNetCore.Mvc.Filters.IAsyncPageFilter
{
    public const string SetupPath = "/admin/konto/zwei-faktor";

    public Task OnPageHandlerSelectionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var path = http.Request.Path;
        if (http.User.Identity?.IsAuthenticated == true && path.StartsWithSegments("/admin")
            && !path.StartsWithSegments(SetupPath) && !path.StartsWithSegments("/admin/abmelden") && !path.StartsWithSegments("/admin/anmelden")
            && await signIns.TwoFactorRequiredAsync(http.RequestAborted)
            && await users.GetUserAsync(http.User) is { TwoFactorEnabled: false })
        {
            context.Result = new Microsoft.AspNetCore.Mvc.RedirectResult(SetupPath + "?pflicht=ja");
            return;
        }
        await next();
    }
}
