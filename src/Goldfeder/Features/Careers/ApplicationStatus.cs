namespace Goldfeder.Features.Careers;

/// <summary>HR's steps. Rejected starts the retention period; see CONTEXT.md.</summary>
public enum ApplicationStatus { New, InReview, Invited, Rejected, Hired }
