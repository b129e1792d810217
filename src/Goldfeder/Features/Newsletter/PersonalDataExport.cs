using System.Text.Json.Serialization;
using Goldfeder.Data;

namespace Goldfeder.Features.Newsletter;

/// <summary>The answer to an access request (GDPR Art. 15): every feature's part with its purpose and retention, German labels.</summary>
public sealed record PersonalDataExport(
    [property: JsonPropertyName("E-Mail-Adresse")] string Address,
    [property: JsonIgnore] DateTime CreatedAtUtc,
    [property: JsonPropertyName("Bereiche")] List<PersonalDataExport.Part> Sections)
{
    [JsonPropertyName("Auskunft"), JsonPropertyOrder(-2)]
    public string Title => "Auskunft über Ihre gespeicherten Daten (Art. 15 DSGVO)";

    [JsonPropertyName("Erstellt"), JsonPropertyOrder(-1)]
    public string Created => new PersonalRecord().With("Erstellt", CreatedAtUtc)["Erstellt"]!;

    public sealed record Part(
        [property: JsonPropertyName("Bereich")] string Section,
        [property: JsonPropertyName("Zweck")] string Purpose,
        [property: JsonPropertyName("Speicherdauer")] string Retention,
        [property: JsonPropertyName("Einträge")] IReadOnlyList<PersonalRecord> Entries);
}
