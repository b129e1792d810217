using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Goldfeder.Common;

/// <summary>
/// The one rule that guards a feature's staff pages: every page in <c>Features/{feature}/Admin/</c> admits exactly the
/// roles its feature names, so no page can forget an attribute. Anonymous visitors are sent to the login page.
/// </summary>
public static class AdminPages
{
    public static IServiceCollection AuthorizeAdminFolder(this IServiceCollection services, string feature, params string[] roles)
    {
        var policy = $"admin-{feature.ToLowerInvariant()}";
        services.Configure<AuthorizationOptions>(o => o.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles)));
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder($"/{feature}/Admin", policy));
        return services;
    }
}
