using System.Globalization;

namespace Goldfeder.Common;

/// <summary>A number with the noun in singular or plural, as German writes it: "1 bestätigter Abonnent", "2.500 bestätigte Abonnenten".</summary>
public static class GermanCount
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static string Of(int count, string singular, string plural) => $"{count.ToString("N0", German)} {(count == 1 ? singular : plural)}";
}
