namespace Goldfeder.Features.Privacy;

/// <summary>German words for the request log's choices, as the officer reads them.</summary>
public static class SubjectRequestTexts
{
    public static string Date(DateOnly date) => date.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static string Of(SubjectRequestKind kind) => kind switch
    {
        SubjectRequestKind.Access => "Auskunft (Art. 15)",
        SubjectRequestKind.Erasure => "Löschung (Art. 17)",
        SubjectRequestKind.Rectification => "Berichtigung (Art. 16)",
        SubjectRequestKind.Restriction => "Einschränkung (Art. 18)",
        SubjectRequestKind.Objection => "Widerspruch (Art. 21)",
        SubjectRequestKind.Portability => "Datenübertragbarkeit (Art. 20)",
        _ => kind.ToString(),
    };

    public static string Of(RequestChannel channel) => channel switch
    {
        RequestChannel.Email => "E-Mail",
        RequestChannel.Post => "Post",
        RequestChannel.Phone => "Telefon",
        RequestChannel.Form => "Formular",
        _ => channel.ToString(),
    };

    public static string Of(SubjectRequestStatus status) => status switch
    {
        SubjectRequestStatus.Open => "offen",
        SubjectRequestStatus.Done => "erledigt",
        SubjectRequestStatus.Rejected => "abgelehnt",
        _ => status.ToString(),
    };
}
