using Goldfeder.Common;
using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Privacy;

/// <summary>
/// Records and changes the officer's requests, each change with its audit entry in the same transaction. The audit
/// names the request by number only ("Anfrage #12"), never the person. Two officers saving the same request at once:
/// the later save wins, and both are in the audit log.
/// </summary>
public sealed class SubjectRequestLog(GoldfederDb db, AuditLog audit, TimeProvider clock)
{
    public static string Subject(long id) => $"Anfrage #{id}";

    public async Task<long> CreateAsync(SubjectRequestForm form, string actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var request = new SubjectRequest { CreatedAtUtc = now, UpdatedAtUtc = now };
        form.ApplyTo(request);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.SubjectRequests.Add(request);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "subject-request.create", Subject(request.Id), after: State(request), ct: ct);
        await tx.CommitAsync(ct);
        return request.Id;
    }

    /// <summary>False when the request does not exist (any more: the retention job may have deleted it).</summary>
    public async Task<bool> UpdateAsync(long id, SubjectRequestForm form, string actor, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var request = await db.SubjectRequests.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null) return false;
        var (before, wasExtended, wasStatus) = (State(request), request.ExtensionReason is not null, request.Status);
        form.ApplyTo(request);
        request.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        var action = (wasStatus, request.Status) switch
        {
            (not SubjectRequestStatus.Done, SubjectRequestStatus.Done) => "subject-request.done",
            (not SubjectRequestStatus.Rejected, SubjectRequestStatus.Rejected) => "subject-request.reject",
            (not SubjectRequestStatus.Open, SubjectRequestStatus.Open) => "subject-request.reopen",
            _ when !wasExtended && request.ExtensionReason is not null => "subject-request.extend",
            _ => "subject-request.update",
        };
        await audit.RecordAsync(actor, action, Subject(id), before, State(request), ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>What the audit entry shows before and after: no name, no address.</summary>
    private static string State(SubjectRequest r) =>
        $"{SubjectRequestTexts.Of(r.Kind)}, {SubjectRequestTexts.Of(r.Status)}, Frist {SubjectRequestTexts.Date(r.DueOn)}{(r.ExtensionReason is null ? "" : " (verlängert)")}";
}
