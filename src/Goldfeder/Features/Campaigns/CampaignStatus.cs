namespace Goldfeder.Features.Campaigns;

/// <summary>See Campaigns/CONTEXT.md for what each status means and which moves are allowed.</summary>
public enum CampaignStatus { Draft, Scheduled, Sending, Paused, Sent, Cancelled }
