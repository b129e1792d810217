namespace Goldfeder.Features.Campaigns;

/// <summary>
/// Pending: not yet taken by the server (or leased, see <see cref="Delivery.NextAttemptAtUtc"/>). Sent: the server
/// answered 250. Failed: temporary failures until the attempts ran out ("retry the failed ones" makes them pending
/// again). Bounced: refused for good (5xx), the address is suppressed. Skipped: withdrawn, erased or suppressed before
/// its turn came.
/// </summary>
public enum DeliveryStatus { Pending, Sent, Failed, Bounced, Skipped }
