using Goldfeder.Features.Newsletter;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Goldfeder.Data;
using Goldfeder.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using CsvHelper;
using CsvHelper.Configuration;

namespace Goldfeder.Features.Campaigns;

/// <summary>
/// Moves an existing list in: a CSV with the columns address, consent time, source and optionally topics (names
/// separated by <c>|</c>; else the default chosen at import) (a header row is allowed). Every
/// row becomes a confirmed subscriber with an <c>imported</c> consent event naming the file and line. All or nothing:
/// one invalid row refuses the whole file. Addresses already known (pending, confirmed or withdrawn) are left as they
/// are, and so are addresses erased on request: an import must not bring back someone who withdrew or objected.
/// </summary>
public sealed class SubscriberImport(GoldfederDb db, ConsentTexts consentTexts, NewsletterTopics topics, Secrets secrets, IOptions<SiteOptions> site, TimeProvider clock)
{
    public sealed record Result(int Imported, int AlreadyKnown, int Erased, int DuplicatesInFile, List<string> Errors)
    {
        public bool Refused => Errors.Count > 0;
    }

    private sealed record Row(int Line, string Email, string Normalized, DateTime ConsentAtUtc, string? Source, IReadOnlyList<string> TopicNames);

    private const int MaxErrorsReported = 100;
    private const int Chunk = 5000;

    /// <param name="defaultTopics">
    /// Topic ids for rows without a topics column (or with it empty); none: the whole newsletter, as an old list's
    /// consent was given before there were topics.
    /// </param>
    public async Task<Result> ImportAsync(Stream csv, string fileName, CancellationToken ct, IReadOnlyCollection<int>? defaultTopics = null)
    {
        fileName = Path.GetFileName(fileName);
        var (rows, duplicates, errors) = await ParseAsync(csv, ct);
        if (errors.Count > 0) return new Result(0, 0, 0, duplicates, errors);
        if (rows.Count == 0) return new Result(0, 0, 0, duplicates, ["Die Datei enthält keine Adressen."]);

        var offered = await topics.ActiveAsync(ct);
        var byName = offered.ToDictionary(t => t.Name, t => t, StringComparer.OrdinalIgnoreCase);
        var fallback = offered.Where(t => defaultTopics?.Contains(t.Id) == true).ToList();
        foreach (var r in rows)
            foreach (var name in r.TopicNames.Where(n => !byName.ContainsKey(n)))
                Add(errors, $"Zeile {r.Line}: Das Thema „{Clip(name, 100)}“ gibt es nicht (angeboten: {string.Join(", ", offered.Select(t => t.Name))}).");
        if (errors.Count > 0) return new Result(0, 0, 0, duplicates, errors);
        List<NewsletterTopics.Topic> TopicsOf(Row r) => r.TopicNames.Count > 0 ? r.TopicNames.Select(n => byName[n]).DistinctBy(t => t.Id).ToList() : fallback;

        var consent = await consentTexts.CurrentAsync(NewsletterTopics.ConsentWording(site.Value.NewsletterBox.Consent, offered), ct);
        var erasedHashes = await ErasedHashesAsync(ct);
        var key = await secrets.GetAsync("newsletter-erasure", ct);
        var now = clock.GetUtcNow().UtcDateTime;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // One pass over the known addresses beats thousands of lookups; 200,000 of them are a few megabytes.
        var known = new HashSet<string>();
        await foreach (var address in db.Subscribers.AsNoTracking().Select(s => s.NormalizedEmail).AsAsyncEnumerable().WithCancellation(ct)) known.Add(address);
        known.IntersectWith(rows.Select(r => r.Normalized));
        var erased = rows.Where(r => !known.Contains(r.Normalized) && erasedHashes.Contains(HashOf(key, r.Normalized))).Select(r => r.Normalized).ToHashSet();
        var fresh = rows.Where(r => !known.Contains(r.Normalized) && !erased.Contains(r.Normalized)).ToList();

        foreach (var chunk in fresh.Select(r => (Row: r, Topics: TopicsOf(r)))
                     .Select(x => new ImportedSubscribers.Row(x.Row.Email, x.Row.Normalized, x.Row.ConsentAtUtc, x.Row.Source, Detail(x.Row, fileName, x.Topics), x.Topics.Select(t => t.Id).ToList()))
                     .Chunk(Chunk))
            await ImportedSubscribers.InsertAsync(db, chunk, consent.Id, now, ct);
        await tx.CommitAsync(ct);
        return new Result(fresh.Count, known.Count, erased.Count, duplicates, []);
    }

    /// <summary>
    /// Reads the file as it streams in. UTF-8 is checked byte by byte (<see cref="Utf8CheckingStream"/>): a file that
    /// is not UTF-8 is read again as Windows-1252 (what Excel's plain "CSV" saves on a German Windows) when it can be
    /// read again (an upload, a file), and refused with the line of the first bad byte when not (the API's request body,
    /// which is not buffered). Never stored with replacement characters.
    /// </summary>
    private static async Task<(List<Row> Rows, int Duplicates, List<string> Errors)> ParseAsync(Stream csv, CancellationToken ct)
    {
        var start = csv.CanSeek ? csv.Position : 0;
        try
        {
            return await ParseAsync(new StreamReader(new Utf8CheckingStream(csv), Strict, detectEncodingFromByteOrderMarks: false), ct);
        }
        catch (InvalidUtf8Exception) when (csv.CanSeek)
        {
            csv.Position = start;
            return await ParseAsync(new StreamReader(csv, Windows1252, detectEncodingFromByteOrderMarks: false), ct);
        }
        catch (InvalidUtf8Exception e)
        {
            return ([], 0, [$"Zeile {e.Line}: Die Datei ist nicht in UTF-8 kodiert. Bitte speichern Sie sie als „CSV UTF-8“ (Excel: Speichern unter → „CSV UTF-8 (durch Trennzeichen getrennt)“) oder laden Sie sie in der Verwaltung hoch, die auch Windows-1252 liest."]);
        }
    }

    private static readonly System.Text.Encoding Strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly System.Text.Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private static async Task<(List<Row> Rows, int Duplicates, List<string> Errors)> ParseAsync(StreamReader text, CancellationToken ct)
    {
        var rows = new List<Row>();
        var errors = new List<string>();
        var seen = new HashSet<string>();
        var duplicates = 0;
        var badLine = 0;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";"],
            TrimOptions = TrimOptions.Trim,
            IgnoreBlankLines = true,
            MissingFieldFound = null,
            BadDataFound = args => badLine = args.Context.Parser!.RawRow,
        };
        using var reader = new CsvReader(text, config);
        var first = true;
        while (await reader.ReadAsync())
        {
            ct.ThrowIfCancellationRequested();
            var line = reader.Parser.RawRow;
            var fields = reader.Parser.Record ?? [];
            if (badLine > 0)
            {
                Add(errors, $"Zeile {badLine}: Die Zeile ist kein gültiges CSV (Anführungszeichen prüfen).");
                badLine = 0;
                first = false;
                continue;
            }
            if (fields.All(string.IsNullOrWhiteSpace)) { first = false; continue; }
            if (first && !fields[0].Contains('@'))
            {
                first = false;
                continue; // a header row
            }
            first = false;
            if (fields.Length < 2) { Add(errors, $"Zeile {line}: Es fehlen Spalten (erwartet: Adresse, Einwilligungszeitpunkt, Quelle)."); continue; }
            if (!EmailAddress.TryNormalize(fields[0], out var email, out var error)) { Add(errors, $"Zeile {line}: {error}"); continue; }
            if (!TryParseTime(fields[1], out var at)) { Add(errors, $"Zeile {line}: Der Einwilligungszeitpunkt „{Clip(fields[1], 40)}“ ist kein Datum (z. B. 2025-03-01T10:00:00Z oder 01.03.2025 10:00)."); continue; }
            if (at > DateTime.UtcNow.AddMinutes(5)) { Add(errors, $"Zeile {line}: Der Einwilligungszeitpunkt liegt in der Zukunft."); continue; }
            var source = fields.Length > 2 && !string.IsNullOrWhiteSpace(fields[2]) ? Clip(fields[2], 500) : null;
            if (source?.Any(char.IsControl) == true) { Add(errors, $"Zeile {line}: Die Quelle enthält Steuerzeichen."); continue; }
            var normalized = EmailAddress.Normalize(email);
            if (!seen.Add(normalized)) { duplicates++; continue; }
            var topicNames = fields.Length > 3 ? fields[3].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [];
            rows.Add(new Row(line, email, normalized, at, source, topicNames));
        }
        return (rows, duplicates, errors);
    }

    private static void Add(List<string> errors, string error)
    {
        if (errors.Count < MaxErrorsReported) errors.Add(error);
        else if (errors.Count == MaxErrorsReported) errors.Add("… weitere Fehler nicht aufgeführt.");
    }

    /// <summary>ISO 8601 (with offset or Z; without one it is Berlin time), or German "01.03.2025 10:00" in Berlin time.</summary>
    internal static bool TryParseTime(string s, out DateTime utc)
    {
        utc = default;
        s = s.Trim();
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset) && HasOffset(s))
        {
            utc = withOffset.UtcDateTime;
            return true;
        }
        string[] local = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "dd.MM.yyyy HH:mm:ss", "dd.MM.yyyy HH:mm", "dd.MM.yyyy"];
        if (!DateTime.TryParseExact(s, local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var berlin)) return false;
        if (BerlinTime.Zone.IsInvalidTime(berlin)) return false;
        utc = TimeZoneInfo.ConvertTimeToUtc(berlin, BerlinTime.Zone);
        return true;
    }

    private static bool HasOffset(string s) => s.EndsWith('Z') || s.EndsWith('z') || (s.Length > 6 && (s[^6] is '+' or '-') && s[^3] == ':');

    private async Task<HashSet<string>> ErasedHashesAsync(CancellationToken ct)
    {
        var details = await db.ConsentEvents.Where(e => e.Kind == ConsentEventKind.Erased && e.Detail != null).Select(e => e.Detail!).ToListAsync(ct);
        var hashes = new HashSet<string>();
        foreach (var detail in details)
        {
            try
            {
                using var doc = JsonDocument.Parse(detail);
                if (doc.RootElement.TryGetProperty("addressHash", out var hash) && hash.GetString() is { } h) hashes.Add(h);
            }
            catch (JsonException) { }
        }
        return hashes;
    }

    private static string HashOf(byte[] key, string normalized) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(normalized)));

    private static string Detail(Row r, string fileName, List<NewsletterTopics.Topic> topics) =>
        $"import {fileName}:{r.Line}; Einwilligung {r.ConsentAtUtc:yyyy-MM-dd'T'HH:mm:ss'Z'}" + (r.Source is null ? "" : $"; Quelle: {r.Source}")
        + "; Themen: " + (topics.Count == 0 ? "ganzer Newsletter" : string.Join(", ", topics.Select(t => t.Name)));

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max];
}
