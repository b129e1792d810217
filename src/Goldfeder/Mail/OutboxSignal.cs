using Goldfeder.Data;

namespace Goldfeder.Mail;

/// <summary>Lets a committed mail start the <see cref="OutboxSender"/> at once.</summary>
public sealed class OutboxSignal : Wakeup;
