using Goldfeder.Tests.Infrastructure;

namespace Goldfeder.Tests.Deployment;

/// <summary>
/// Issue 13's setup: two published instances on one PostgreSQL database with one Redis, behind nginx with both in
/// its upstream. The database poll for evictions is slowed to 30 s here, so that what arrives within seconds has
/// come over Redis; the database path alone is proven in Common/OtherProcessChangesTests. Campaign leases are short
/// (10 s) and sending is held at 150 messages a second per instance, so a test can kill an instance mid-send.
/// </summary>
public sealed class TwoInstanceSite() : DeployedSite(2, redis: true, new()
{
    ["Site:EvictionPollInterval"] = "00:00:30",
    ["Campaigns:Lease"] = "00:00:10",
    ["Campaigns:PollInterval"] = "00:00:01",
    ["Campaigns:MessagesPerSecond"] = "150",
    ["Campaigns:BatchSize"] = "150",
})
{
    public const string Trait = "TwoInstances";

    public override async Task InitializeAsync()
    {
        // Two instances on one SQLite file are not supported (deploy/README.md); tests/run.sh runs these on PostgreSQL only.
        Assert.True(GoldfederApp.Provider == "Postgres", "the two-instance tests need GOLDFEDER_TEST_PROVIDER=Postgres (tests/run.sh leaves them out of the SQLite run)");
        await base.InitializeAsync();
    }
}
