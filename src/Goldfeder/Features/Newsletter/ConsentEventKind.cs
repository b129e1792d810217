namespace Goldfeder.Features.Newsletter;

public enum ConsentEventKind { Requested, Confirmed, Withdrawn, Imported, Erased }
