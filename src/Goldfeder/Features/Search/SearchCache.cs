using Goldfeder.Common;
using Microsoft.AspNetCore.OutputCaching;

namespace Goldfeder.Features.Search;

/// <summary>
/// The search page's output cache: the same query and page within <c>Search:CacheSeconds</c> (60) are answered from
/// the cache, which readers' repeated queries ("Goldpreis") make worthwhile. Evicted with every public page when lists
/// change (publish, unpublish, new articles) and by any shown article's edit; an edit that adds words to an article
/// not shown waits at most that long. 0 turns it off (bench/search.sh measures both).
/// </summary>
public static class SearchCache
{
    public const string Policy = "search";

    public static void Configure(OutputCacheOptions options, int seconds) =>
        options.AddPolicy(Policy, b =>
        {
            if (seconds <= 0)
            {
                b.NoCache();
                return;
            }
            b.Tag(PublicCache.Tag).SetVaryByQuery("q", "seite").SetVaryByHeader("Accept-Encoding").Expire(TimeSpan.FromSeconds(seconds));
        });
}
