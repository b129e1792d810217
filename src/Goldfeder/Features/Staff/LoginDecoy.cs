using Goldfeder.Data;
using Microsoft.AspNetCore.Identity;

namespace Goldfeder.Features.Staff;

/// <summary>
/// A password hash of no account, made once, so that a login for an unknown or shut-out account verifies a hash just as
/// a real one does: the answer takes as long whether the account exists or not, and timing tells nobody which exist.
/// </summary>
public sealed class LoginDecoy(IPasswordHasher<AdminUser> hasher)
{
    private static readonly AdminUser Nobody = new() { UserName = "decoy" };
    private static string? _hash;

    public void Verify(string password)
    {
        // Made by the site's own hasher, so it costs what a real account's hash costs.
        var hash = _hash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(Nobody, hash, password);
    }
}
