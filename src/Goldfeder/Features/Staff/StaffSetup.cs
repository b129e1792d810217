using Goldfeder.Common;
using Goldfeder.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Goldfeder.Features.Staff;

public static class StaffSetup
{
    public const string LoginRateLimit = "admin-login";
    public const string ResetRateLimit = "admin-password-reset";

    public static IServiceCollection AddStaff(this IServiceCollection services, IHostEnvironment env)
    {
        services.AddIdentity<AdminUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                // No lock per account (anyone could lock staff out with five guesses): LoginThrottle shuts out an
                // address from an account instead.
                o.Lockout.AllowedForNewUsers = false;
            })
            .AddEntityFrameworkStores<GoldfederDb>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<InvitationTokenProvider>(InvitationTokenProvider.ProviderName)
            .AddErrorDescriber<GermanIdentityErrors>()
            .AddPasswordValidator<CommonPasswordValidator>();
        // The password reset link (Identity's default provider) lives an hour; the invitation 48 hours (its own options).
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(1));
        services.AddSingleton<LoginThrottle>();
        services.AddScoped<StaffSignIns>();
        services.AddScoped<StaffAccounts>();
        services.AddSingleton<StaffMails>();
        services.AddSingleton<PasswordResetRequests>();
        services.AddHostedService<PasswordResetMailer>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add<RequireTwoFactorFilter>());
        services.AuthorizeAdminFolder("Staff", Roles.Admin);
        services.AddScoped<LoginDecoy>();
        // The security stamp is checked on every request, so "Abmelden" (which changes it) ends every copy of the cookie at once.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "goldfeder-admin";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            // Plain HTTP only on a developer's machine and in tests; everywhere else the cookie needs HTTPS.
            o.Cookie.SecurePolicy = env.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/admin/anmelden";
            o.LogoutPath = "/admin/abmelden";
            o.AccessDeniedPath = "/admin/kein-zugriff";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "goldfeder-antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = env.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });

        services.AddAuthorization();
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Staff");
            o.Conventions.AllowAnonymousToPage("/Staff/Login");
            o.Conventions.AllowAnonymousToPage("/Staff/AccessDenied");
            o.Conventions.AllowAnonymousToPage("/Staff/LoginCode");
            o.Conventions.AllowAnonymousToPage("/Staff/ForgotPassword");
            o.Conventions.AllowAnonymousToPage("/Staff/ResetPassword");
            o.Conventions.AllowAnonymousToPage("/Staff/AcceptInvitation");
        });
        // The audit writer is shared (Common); the audit page is ours.
        services.AddScoped<AuditLog>();
        services.AddScoped<IPersonalData, AuditPersonalData>();

        services.Configure<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>(o =>
        {
            o.AddPostsPerIp(LoginRateLimit, _ => (20, TimeSpan.FromMinutes(5)));
            o.AddPostsPerIp(ResetRateLimit, _ => (10, TimeSpan.FromMinutes(15)));
        });
        return services;
    }

    /// <summary>The roles exist before anyone logs in; run after the migrations.</summary>
    public static async Task PrepareStaffAsync(this WebApplication app) =>
        await AdminAccounts.EnsureRolesAsync(app.Services);
}
