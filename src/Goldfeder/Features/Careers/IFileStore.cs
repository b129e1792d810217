namespace Goldfeder.Features.Careers;

/// <summary>
/// Where applicants' files live. The seam for a multi-instance deployment: the default is a local folder; shared storage
/// (a network folder, an object store) implements the same three calls. Names are chosen by the caller, random, and never
/// come from the applicant.
/// </summary>
public interface IFileStore
{
    Task SaveAsync(string name, Stream content, CancellationToken ct);
    Task<Stream?> OpenAsync(string name, CancellationToken ct);
    Task DeleteAsync(string name, CancellationToken ct);
}
