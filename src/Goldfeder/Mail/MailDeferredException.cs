namespace Goldfeder.Mail;

/// <summary>
/// The relay asks us to slow down or come back later (421 service not available, 451 local error / rate limit, 454
/// temporary authentication failure): a sign of the relay's load, not of the recipient, so it counts as no failure.
/// </summary>
public sealed class MailDeferredException(string reply, Exception? inner = null) : Exception(reply, inner)
{
    public static bool IsSlowDown(int code) => code is 421 or 451 or 454;
}
