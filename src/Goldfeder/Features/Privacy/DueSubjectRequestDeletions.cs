using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Privacy;

/// <summary>Requests past their retention period that <see cref="SubjectRequestRetention"/> has not deleted yet.</summary>
public sealed class DueSubjectRequestDeletions(GoldfederDb db, TimeProvider clock) : IDueDeletions
{
    public string One => "Anfrage von Betroffenen";
    public string Many => "Anfragen von Betroffenen";
    public string Rule => SubjectRequestRetention.Rule;

    public Task<int> CountAsync(CancellationToken ct) => db.SubjectRequests.CountAsync(SubjectRequestRetention.Due(RequestDeadline.Today(clock)), ct);
}
