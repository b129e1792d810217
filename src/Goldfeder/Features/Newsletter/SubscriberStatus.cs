namespace Goldfeder.Features.Newsletter;

/// <summary>Pending: asked, not yet confirmed. Confirmed: receives the newsletter. Withdrawn: receives nothing more.</summary>
public enum SubscriberStatus { Pending, Confirmed, Withdrawn }
