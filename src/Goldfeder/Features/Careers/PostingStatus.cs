namespace Goldfeder.Features.Careers;

/// <summary>Only <see cref="Published"/> postings are public; <see cref="Closed"/> ones say they are filled.</summary>
public enum PostingStatus { Draft, Published, Closed }
