namespace Goldfeder.Features.Newsletter;

public enum ConfirmOutcome { Confirmed, AlreadyConfirmed, Expired, Invalid }
