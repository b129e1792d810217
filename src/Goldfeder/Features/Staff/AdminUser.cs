using Microsoft.AspNetCore.Identity;

namespace Goldfeder.Features.Staff;

/// <summary>A member of staff who can log in to /admin. The user name is the e-mail address.</summary>
public class AdminUser : IdentityUser;
