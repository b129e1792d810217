namespace Goldfeder.Features.Careers;

/// <summary>How the applicant's confirmation names a posting's contact: "Ihre Ansprechpartnerin ist …", "Ihr Ansprechpartner ist …" or neutral.</summary>
public enum ContactNoun { Person, Partnerin, Partner }

public static class ContactNouns
{
    public static string Label(ContactNoun noun) => noun switch
    {
        ContactNoun.Partnerin => "Ansprechpartnerin",
        ContactNoun.Partner => "Ansprechpartner",
        _ => "Ansprechperson",
    };

    /// <summary>"Ihre Ansprechpartnerin ist Anna Berg", "Ihr Ansprechpartner ist …", "Ihre Ansprechperson ist …".</summary>
    public static string Sentence(ContactNoun noun, string name) => $"{(noun == ContactNoun.Partner ? "Ihr" : "Ihre")} {Label(noun)} ist {name}";
}
