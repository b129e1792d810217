namespace Goldfeder.Features.Articles;

/// <summary>Only <see cref="Published"/> articles are public; <see cref="ScheduledPublisher"/> turns Scheduled into Published at their time.</summary>
public enum ArticleStatus { Draft, Scheduled, Published, Unpublished }
