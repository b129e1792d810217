namespace Goldfeder.Mail;

/// <summary>The retry policy shared by the outbox and the campaign sender: exponential backoff, and error texts clipped to their column.</summary>
public static class Retry
{
    /// <summary><paramref name="first"/> after the first failed attempt, doubling each time, never more than <paramref name="max"/>.</summary>
    public static TimeSpan Backoff(int attempts, TimeSpan first, TimeSpan max) =>
        TimeSpan.FromTicks((long)Math.Min(first.Ticks * Math.Pow(2, Math.Min(attempts - 1, 20)), max.Ticks));

    /// <summary>Server replies and exception messages, cut to the 1,000 characters the error columns hold.</summary>
    public static string Clip(string reason) => reason.Length <= 1000 ? reason : reason[..1000];
}
