using System.Globalization;

namespace Goldfeder.Common;

/// <summary>Times are stored in UTC and shown as the customer's readers expect them: Europe/Berlin, "10.02.2026", "19:52 Uhr".</summary>
public static class BerlinTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static DateTime ToBerlin(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static string Date(DateTime utc) => ToBerlin(utc).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    public static string Time(DateTime utc) => ToBerlin(utc).ToString("HH:mm", CultureInfo.InvariantCulture) + " Uhr";

    /// <summary>ISO 8601 with the Berlin offset, for &lt;time datetime&gt;.</summary>
    public static string Iso(DateTime utc)
    {
        // The offset comes from the UTC instant: a Berlin wall-clock time can occur twice when clocks go back.
        var instant = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return new DateTimeOffset(ToBerlin(instant), Zone.GetUtcOffset(instant)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    /// <summary>RFC 822 (as RSS 2.0 wants it, four-digit year) with the Berlin offset: "Tue, 10 Feb 2026 19:52:00 +0100".</summary>
    public static string Rfc822(DateTime utc)
    {
        var instant = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        var offset = Zone.GetUtcOffset(instant);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return ToBerlin(instant).ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture) + sign + offset.ToString("hhmm", CultureInfo.InvariantCulture);
    }
}
