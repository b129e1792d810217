using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Goldfeder.Features.Articles;

/// <summary>
/// Secret addresses (<c>/vorschau/TOKEN</c>) that show an article as last saved, published or not, to a colleague
/// without an account. The token is the article's id and an expiry, protected by Data Protection (so it cannot be
/// guessed or altered, and every instance sharing the key ring reads it); it expires after <see cref="Lifetime"/>.
/// </summary>
public sealed class PreviewLinks(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private readonly IDataProtector _protector = protection.CreateProtector("Goldfeder.Articles.PreviewLink");

    public (string Path, DateTime ExpiresUtc) For(int articleId)
    {
        var expires = clock.GetUtcNow().UtcDateTime + Lifetime;
        var token = _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{articleId}:{expires.Ticks}"));
        return ($"/vorschau/{token}", expires);
    }

    /// <summary>The article a token names and until when, or null when it is altered, foreign or expired.</summary>
    public (int ArticleId, DateTime ExpiresUtc)? Read(string token)
    {
        string plain;
        try { plain = _protector.Unprotect(token); }
        catch (CryptographicException) { return null; }
        catch (FormatException) { return null; }
        var parts = plain.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var id)
            || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var ticks)) return null;
        var expires = new DateTime(ticks, DateTimeKind.Utc);
        return expires > clock.GetUtcNow().UtcDateTime ? (id, expires) : null;
    }
}
