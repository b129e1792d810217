using Microsoft.AspNetCore.Identity;

namespace Goldfeder.Data;

/// <summary>A member of staff who can log in to /admin. The user name is the e-mail address. It lives here because the DbContext's Identity base class names it; everything else about staff is in Features/Staff.</summary>
public class AdminUser : IdentityUser
{
    /// <summary>The last completed login (after the second factor, where there is one); null until the first.</summary>
    public DateTime? LastLoginAtUtc { get; set; }
}
