using Goldfeder.Data;

namespace Goldfeder.Features.Campaigns;

/// <summary>Wakes the <see cref="CampaignSender"/> when a send starts or resumes.</summary>
public sealed class CampaignSignal : Wakeup;
