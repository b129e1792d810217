namespace Goldfeder.Features.Newsletter;

/// <summary><c>Newsletter:*</c>.</summary>
public sealed class NewsletterOptions
{
    /// <summary>How long a confirmation link works.</summary>
    public TimeSpan ConfirmationValidFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Unconfirmed signups older than this are deleted with everything stored about them.</summary>
    public TimeSpan DeleteUnconfirmedAfter { get; set; } = TimeSpan.FromDays(30);

    /// <summary>A repeated signup of a pending address sends a new confirmation mail only after this much quiet, so nobody can flood an inbox.</summary>
    public TimeSpan ResendConfirmationAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// At most this many confirmation mails to one address in 24 hours, however many IPs ask: the address is not yet
    /// verified, so its owner may never have asked at all.
    /// </summary>
    public int ConfirmationsPerAddressPerDay { get; set; } = 3;

    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A subscriber with no delivery and no confirmation for this long is listed for a re-permission mail.</summary>
    public TimeSpan RepermissionAfter { get; set; } = TimeSpan.FromDays(730);

    /// <summary>Who does not answer a re-permission mail within this time is paused until they do.</summary>
    public TimeSpan RepermissionAnswerWithin { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Whether the ledger records the requester's IP address (data minimisation: a setting, named in the privacy notice).</summary>
    public bool RecordIpAddress { get; set; } = true;

    public int SignupsPerIpPerWindow { get; set; } = 30;
    public TimeSpan SignupWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The newsletter's sender, apart from the system mails' <c>Mail:From</c> (Google asks to keep them apart).</summary>
    public string From { get; set; } = "Kettner Edelmetalle Newsletter <news@localhost>";

    /// <summary>The sender's identity for the newsletter's footer (§5 DDG: name, address, register, managing directors); lines separated by newlines. Unset: brand and hotline only.</summary>
    public string? Imprint { get; set; }

    /// <summary>The List-Id of the newsletter (RFC 2919).</summary>
    public string ListId { get; set; } = "Kettner Edelmetalle Newsletter <newsletter.kettner-edelmetalle.localhost>";
}
