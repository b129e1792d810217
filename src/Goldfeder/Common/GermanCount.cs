using System.Globalization;

namespace Goldfeder.Common;

/// <summary>A number with the noun in singular or plural, as German writes it: "1 bestätigter Abonnent", "2.500 bestätigte Abonnenten".</summary>
public static class GermanCount
{
    /// <summary>
    /// German number and date formatting, looked up once: <c>CultureInfo.GetCultureInfo</c> takes a process-wide lock,
    /// which the search profile showed as contention under load.
    /// </summary>
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("de-DE");

    public static string Of(int count, string singular, string plural) => $"{count.ToString("N0", Culture)} {(count == 1 ? singular : plural)}";
}
