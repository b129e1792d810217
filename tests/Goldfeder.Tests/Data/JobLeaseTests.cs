using Goldfeder.Data;
using Goldfeder.Tests.Infrastructure;

namespace Goldfeder.Tests.Data;

public sealed class JobLeaseTests : IAsyncLifetime
{
    private readonly GoldfederApp _app = new();

    [Fact]
    public async Task One_instance_holds_a_job_lease_renews_it_and_another_takes_it_over_only_after_it_ran_out()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        var minute = TimeSpan.FromMinutes(1);
        Task<bool> TakeAsync(string holder) => _app.InScopeAsync(s =>
            s.GetRequiredService<GoldfederDb>().TryTakeLeaseAsync("test.job", holder, minute, clock, CancellationToken.None));

        var both = await Task.WhenAll(TakeAsync("a"), TakeAsync("b"));
        Assert.Equal(1, both.Count(taken => taken));
        var (holder, other) = both[0] ? ("a", "b") : ("b", "a");

        clock.Advance(TimeSpan.FromSeconds(50));
        Assert.True(await TakeAsync(holder));
        clock.Advance(TimeSpan.FromSeconds(50));
        Assert.False(await TakeAsync(other));

        clock.Advance(TimeSpan.FromSeconds(11));
        Assert.True(await TakeAsync(other));
        Assert.False(await TakeAsync(holder));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();
}
