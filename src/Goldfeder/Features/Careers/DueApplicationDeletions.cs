using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Goldfeder.Features.Careers;

/// <summary>Applications past their retention period that <see cref="ApplicationRetention"/> has not deleted yet.</summary>
public sealed class DueApplicationDeletions(GoldfederDb db, IOptions<CareersOptions> options, TimeProvider clock) : IDueDeletions
{
    public string One => "Bewerbung";
    public string Many => "Bewerbungen";
    public string Rule => $"{options.Value.RetentionMonths} Monate nach Absage oder Ende der Stelle";

    public Task<int> CountAsync(CancellationToken ct) =>
        db.Applications.CountAsync(ApplicationRetention.Due(clock.GetUtcNow().UtcDateTime.AddMonths(-options.Value.RetentionMonths)), ct);
}
