using Goldfeder.Common;
using Goldfeder.Data;
using Goldfeder.Features.Privacy;
using Goldfeder.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Tests.Features.Privacy;

public sealed class SubjectRequestRetentionTests : IAsyncLifetime
{
    private readonly GoldfederApp _app = new GoldfederApp().WithFakeClock();

    [Fact]
    public async Task Requests_closed_before_the_third_full_year_are_deleted_and_open_or_younger_ones_stay()
    {
        var today = RequestDeadline.Today(_app.Clock!);
        var old = await AddAsync(today.AddYears(-5), SubjectRequestStatus.Done, new DateOnly(today.Year - 4, 12, 31));
        var young = await AddAsync(today.AddYears(-5), SubjectRequestStatus.Rejected, new DateOnly(today.Year - 3, 1, 1));
        var open = await AddAsync(today.AddYears(-4), SubjectRequestStatus.Open, null);

        // The job also runs once at start, maybe after the rows above were written; either run deletes the old one.
        await _app.Services.GetRequiredService<SubjectRequestRetention>().DeleteExpiredAsync(default);

        var left = await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().SubjectRequests.Select(r => r.Id).ToListAsync());
        Assert.Equal([young, open], left.Order());
        Assert.DoesNotContain(old, left);
        var audit = await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().AuditEntries.SingleAsync(a => a.Action == "subject-request.retention-delete"));
        Assert.Equal("1 Anfrage", audit.Subject);
        Assert.Equal(0, await _app.InScopeAsync(s => s.GetServices<IDueDeletions>().OfType<DueSubjectRequestDeletions>().Single().CountAsync(default)));
        await AddAsync(today.AddYears(-5), SubjectRequestStatus.Done, today.AddYears(-4));
        Assert.Equal(1, await _app.InScopeAsync(s => s.GetServices<IDueDeletions>().OfType<DueSubjectRequestDeletions>().Single().CountAsync(default)));
    }

    [Fact]
    public async Task The_officers_export_shows_a_persons_requests_and_an_erasure_keeps_them_as_proof_without_the_person()
    {
        var today = RequestDeadline.Today(_app.Clock!);
        await AddAsync(today, SubjectRequestStatus.Open, null, "Person@Example.de");

        var records = await _app.InScopeAsync(s => s.GetServices<IPersonalData>().OfType<SubjectRequestPersonalData>().Single().ExportAsync("person@example.de", default));
        var record = Assert.Single(records);
        Assert.Equal("Löschung (Art. 17)", record["Art"]);
        Assert.Equal("Person@Example.de", record["E-Mail-Adresse"]);

        await _app.InScopeAsync(s => s.GetServices<IPersonalData>().OfType<SubjectRequestPersonalData>().Single().EraseAsync("person@example.de", default));
        var kept = await _app.InScopeAsync(s => s.GetRequiredService<GoldfederDb>().SubjectRequests.SingleAsync());
        Assert.Equal((SubjectRequestKind.Erasure, SubjectRequestPersonalData.ErasedName, null, null), (kept.Kind, kept.RequesterName, kept.RequesterEmail, kept.Note));
        Assert.Empty(await _app.InScopeAsync(s => s.GetServices<IPersonalData>().OfType<SubjectRequestPersonalData>().Single().ExportAsync("person@example.de", default)));
    }

    private Task<long> AddAsync(DateOnly received, SubjectRequestStatus status, DateOnly? closed, string email = "a@example.de") => _app.InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<GoldfederDb>();
        var request = new SubjectRequest
        {
            ReceivedOn = received,
            DueOn = RequestDeadline.Due(received, false),
            Kind = SubjectRequestKind.Erasure,
            Channel = RequestChannel.Post,
            RequesterEmail = email,
            Status = status,
            ClosedOn = closed,
            Outcome = closed is null ? null : "Erledigt",
            Note = "Brief vom Montag",
        };
        db.SubjectRequests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    });

    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => _app.DisposeAsync().AsTask();
}
