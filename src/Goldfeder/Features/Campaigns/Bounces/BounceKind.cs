namespace Goldfeder.Features.Campaigns.Bounces;

/// <summary>
/// What a report says. Hard: the address does not exist or refuses for good. Soft: a temporary failure (mailbox full,
/// over quota). Complaint: the reader marked the mail as spam (ARF, a provider's feedback loop). AutoReply: an
/// out-of-office or other automatic answer, not a bounce. Notice: a delay warning or a delivery report, no failure.
/// Unreadable: nothing we could read as any of these.
/// </summary>
public enum BounceKind { Hard, Soft, Complaint, AutoReply, Notice, Unreadable }
