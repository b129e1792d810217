using Goldfeder.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Goldfeder.Tests.Architecture;

/// <summary>
/// Every staff page is guarded by its folder's rule, not by an attribute someone must remember: a page in
/// Features/X/Admin/ carries X's policy, a page in Features/Staff/ needs a login, and only the login and "kein Zugriff"
/// pages admit everyone. Read from the running app's own endpoints.
/// </summary>
public sealed class AdminPageRulesTests : IClassFixture<GoldfederApp>
{
    private readonly List<(string Route, string Page, EndpointMetadataCollection Metadata)> _adminPages;

    public AdminPageRulesTests(GoldfederApp app)
    {
        _adminPages = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Route: e.RoutePattern.RawText ?? "", Action: e.Metadata.GetMetadata<PageActionDescriptor>(), e.Metadata))
            .Where(e => e.Action is not null && e.Route.StartsWith("admin", StringComparison.OrdinalIgnoreCase))
            .Select(e => (e.Route, e.Action!.ViewEnginePath, e.Metadata))
            .ToList();
    }

    [Fact]
    public void Each_features_admin_pages_carry_that_features_policy()
    {
        var featurePages = _adminPages.Where(p => p.Page.Contains("/Admin/")).ToList();
        Assert.True(featurePages.Count >= 15, $"only {featurePages.Count} admin pages found");
        var unguarded = featurePages
            .Where(p => p.Metadata.GetMetadata<IAllowAnonymous>() is not null
                || !p.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == $"admin-{p.Page.Split('/')[1].ToLowerInvariant()}"))
            .Select(p => $"{p.Route} ({p.Page})").ToList();
        Assert.True(unguarded.Count == 0, $"admin pages without their feature's policy: {string.Join(", ", unguarded)}");
    }

    [Fact]
    public void Staff_pages_need_a_login_except_the_login_its_code_step_the_access_denied_page_and_the_password_links()
    {
        var staff = _adminPages.Where(p => p.Page.StartsWith("/Staff/")).ToList();
        var open = staff.Where(p => p.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(p => p.Page).Order().ToList();
        Assert.Equal(["/Staff/AcceptInvitation", "/Staff/AccessDenied", "/Staff/ForgotPassword", "/Staff/Login", "/Staff/LoginCode", "/Staff/ResetPassword"], open);
        var unguarded = staff.Where(p => !open.Contains(p.Page) && !p.Metadata.GetOrderedMetadata<IAuthorizeData>().Any()).Select(p => p.Route).ToList();
        Assert.True(unguarded.Count == 0, $"staff pages without a login: {string.Join(", ", unguarded)}");
    }

    [Fact]
    public void Every_page_under_admin_belongs_to_staff_or_to_a_features_admin_folder()
    {
        var stray = _adminPages.Where(p => !p.Page.StartsWith("/Staff/") && !p.Page.Contains("/Admin/")).Select(p => $"{p.Route} ({p.Page})").ToList();
        Assert.True(stray.Count == 0, $"pages under /admin outside Staff and the Admin folders: {string.Join(", ", stray)}");
    }
}
