using Microsoft.AspNetCore.OutputCaching;

namespace Goldfeder.Features.Careers;

public static class CareersCache
{
    /// <summary>Published and not past its end date: what a reader may see and apply to.</summary>
    public static IQueryable<JobPosting> Open(this IQueryable<JobPosting> postings, DateTime nowUtc) =>
        postings.Where(p => p.Status == PostingStatus.Published && (p.ValidThroughUtc == null || p.ValidThroughUtc > nowUtc));

    /// <summary>
    /// A cached careers page must not outlive the end date of a posting it shows: the entry expires then (or after the
    /// policy's hour, whichever is first), so an ended posting leaves the list on time without anyone saving anything.
    /// </summary>
    public static void ExpireAtNextEnd(HttpContext http, IEnumerable<JobPosting> shown, DateTime nowUtc)
    {
        var next = shown.Where(p => p.ValidThroughUtc > nowUtc).Select(p => p.ValidThroughUtc!.Value).DefaultIfEmpty(DateTime.MaxValue).Min();
        var cached = http.Features.Get<IOutputCacheFeature>();
        if (cached is null || next == DateTime.MaxValue) return;
        var left = next - nowUtc;
        if (cached.Context.ResponseExpirationTimeSpan is not { } policy || left < policy)
            cached.Context.ResponseExpirationTimeSpan = left < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : left;
    }
}
