using Goldfeder.Common;
using Goldfeder.Tests.Infrastructure;

namespace Goldfeder.Tests.Features.Articles;

public class PublishingTimeTests(GoldfederApp app) : IClassFixture<GoldfederApp>
{
    [Theory]
    // winter time, UTC+1
    [InlineData("2026-02-10T18:52:00Z", "10.02.2026", "19:52 Uhr", "2026-02-10T19:52:00+01:00")]
    // the last minute before clocks go forward on 29 March 2026, and the first one after
    [InlineData("2026-03-29T00:59:00Z", "29.03.2026", "01:59 Uhr", "2026-03-29T01:59:00+01:00")]
    [InlineData("2026-03-29T01:00:00Z", "29.03.2026", "03:00 Uhr", "2026-03-29T03:00:00+02:00")]
    // 02:30 happens twice on 25 October 2026: first in summer time, then in winter time
    [InlineData("2026-10-25T00:30:00Z", "25.10.2026", "02:30 Uhr", "2026-10-25T02:30:00+02:00")]
    [InlineData("2026-10-25T01:30:00Z", "25.10.2026", "02:30 Uhr", "2026-10-25T02:30:00+01:00")]
    // the date changes at Berlin's midnight, not at UTC's
    [InlineData("2026-07-31T22:15:00Z", "01.08.2026", "00:15 Uhr", "2026-08-01T00:15:00+02:00")]
    public void Berlin_time_is_shown_from_utc(string utc, string date, string time, string iso)
    {
        var at = DateTimeOffset.Parse(utc).UtcDateTime;
        Assert.Equal(date, BerlinTime.Date(at));
        Assert.Equal(time, BerlinTime.Time(at));
        Assert.Equal(iso, BerlinTime.Iso(at));
    }

    [Theory]
    [InlineData("maerz-artikel", "2026-03-29T01:30:00Z", "29.03.2026", "03:30 Uhr", "+02:00")]
    [InlineData("oktober-artikel", "2026-10-25T01:30:00Z", "25.10.2026", "02:30 Uhr", "+01:00")]
    public async Task Articles_around_the_clock_change_show_berlin_time_on_their_page(string slug, string utc, string date, string time, string offset)
    {
        await app.SaveArticleAsync(slug, "Ein Artikel zur Zeitumstellung", DateTimeOffset.Parse(utc).UtcDateTime);

        var (_, page) = await app.GetPageAsync($"/news/{slug}");

        Assert.Equal(date, page.QuerySelector(".article-date")!.TextContent);
        Assert.Equal(time, page.QuerySelector(".article-time")!.TextContent);
        Assert.EndsWith(offset, page.QuerySelector(".article-meta time")!.GetAttribute("datetime"));
    }

    [Fact]
    public async Task Times_are_stored_and_read_back_as_utc()
    {
        var at = new DateTime(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);
        await app.SaveArticleAsync("utc-artikel", "UTC", at);

        var stored = await app.FindArticleAsync("utc-artikel");

        Assert.Equal(at, stored.PublishedAtUtc);
        Assert.Equal(DateTimeKind.Utc, stored.PublishedAtUtc.Kind);
        Assert.Equal(DateTimeKind.Utc, stored.UpdatedAtUtc.Kind);
    }
}
