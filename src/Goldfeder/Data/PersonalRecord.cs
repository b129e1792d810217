using System.Globalization;

namespace Goldfeder.Data;

/// <summary>
/// One entry of a person's data as the person reads it: German labels and their values, in the order written. The
/// export serialises it as a JSON object and the printable page as a table, so both say the same thing.
/// </summary>
public sealed class PersonalRecord : OrderedDictionary<string, string?>
{
    /// <summary>Adds a line, leaving out empty values so the reader sees only what is stored.</summary>
    public PersonalRecord With(string label, string? value)
    {
        if (!string.IsNullOrEmpty(value)) Add(label, value);
        return this;
    }

    /// <summary>Adds a time as a German reader reads it: Berlin time, "30.11.2026 14:05 Uhr" (Data cannot use Common's BerlinTime).</summary>
    public PersonalRecord With(string label, DateTime? utc) =>
        utc is { } value ? With(label, TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(value, DateTimeKind.Utc), Berlin)
            .ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture) + " Uhr") : this;

    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
}
