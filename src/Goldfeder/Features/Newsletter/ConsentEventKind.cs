namespace Goldfeder.Features.Newsletter;

/// <summary>
/// What happened. With a topic: that topic was asked for, confirmed, added (<see cref="Confirmed"/>), dropped
/// (<see cref="Withdrawn"/>) or imported. Without: the whole subscription. <see cref="Paused"/>/<see cref="Resumed"/>
/// stop and restart mails without touching consent; <see cref="RepermissionAsked"/>/<see cref="Reconfirmed"/> are the
/// renewal of stale consent.
/// </summary>
public enum ConsentEventKind { Requested, Confirmed, Withdrawn, Imported, Erased, Paused, Resumed, RepermissionAsked, Reconfirmed }
