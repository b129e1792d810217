using System.Globalization;
using Goldfeder.Common;
using Goldfeder.Data;
using Microsoft.EntityFrameworkCore;

namespace Goldfeder.Features.Campaigns.Bounces;

/// <summary>
/// Bounce and complaint rates per campaign and per week of sending, against the limits the big mailbox providers
/// publish (<see cref="Thresholds"/>). A campaign's bounces are its deliveries refused for good, during the send
/// (5xx) or later (a hard bounce report); its complaints are the complaint reports naming one of its deliveries.
/// </summary>
public sealed class BounceRates(GoldfederDb db, TimeProvider clock)
{
    /// <summary>
    /// Amazon SES reviews an account at a 5 % bounce rate and may pause it at 10 %; it reviews at 0.1 % complaints
    /// and may pause at 0.5 %. Gmail and Yahoo's bulk-sender rules (2024) ask for a spam rate below 0.3 %, ideally
    /// below 0.1 % (Gmail measures that itself, in Postmaster Tools; it sends no reports).
    /// </summary>
    public static class Thresholds
    {
        public const double BounceReview = 0.05, BounceRisk = 0.10;
        public const double ComplaintAim = 0.001, ComplaintLimit = 0.003, ComplaintRisk = 0.005;
    }

    public sealed record Figures(int Sent, int Bounced, int SoftBounces, int Complaints)
    {
        /// <summary>Bounced over everything handed to a server (sent or refused).</summary>
        public double? BounceRate => Sent + Bounced == 0 ? null : (double)Bounced / (Sent + Bounced);
        public double? ComplaintRate => Sent + Bounced == 0 ? null : (double)Complaints / (Sent + Bounced);
        public Figures Plus(Figures o) => new(Sent + o.Sent, Bounced + o.Bounced, SoftBounces + o.SoftBounces, Complaints + o.Complaints);
    }

    public sealed record CampaignRow(int Id, string Subject, DateTime StartedAtUtc, Figures Figures);
    public sealed record WeekRow(string Label, Figures Figures);
    public sealed record Report(List<CampaignRow> Campaigns, List<WeekRow> Weeks, Dictionary<BounceKind, int> UnmatchedLast30Days, int AutoRepliesLast30Days);

    /// <summary>One campaign's figures (its sending page).</summary>
    public async Task<Figures> ForCampaignAsync(int campaignId, CancellationToken ct)
    {
        var deliveries = await db.Deliveries.Where(d => d.CampaignId == campaignId && (d.Status == DeliveryStatus.Sent || d.Status == DeliveryStatus.Bounced))
            .GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var reports = await db.BounceEvents.Where(e => e.CampaignId == campaignId && (e.Kind == BounceKind.Soft || e.Kind == BounceKind.Complaint))
            .GroupBy(e => e.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return new Figures(
            deliveries.Where(d => d.Key == DeliveryStatus.Sent).Sum(d => d.Count), deliveries.Where(d => d.Key == DeliveryStatus.Bounced).Sum(d => d.Count),
            reports.Where(r => r.Key == BounceKind.Soft).Sum(r => r.Count), reports.Where(r => r.Key == BounceKind.Complaint).Sum(r => r.Count));
    }

    public async Task<Report> ReportAsync(int weeks, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var firstMonday = BerlinMonday(now).AddDays(-7 * (weeks - 1));
        var since = TimeZoneInfo.ConvertTimeToUtc(firstMonday, BerlinTime.Zone);
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.StartedAtUtc >= since).OrderByDescending(c => c.StartedAtUtc)
            .Select(c => new
            {
                c.Id, c.Subject, StartedAtUtc = c.StartedAtUtc!.Value,
                Sent = db.Set<Delivery>().Count(d => d.CampaignId == c.Id && d.Status == DeliveryStatus.Sent),
                Bounced = db.Set<Delivery>().Count(d => d.CampaignId == c.Id && d.Status == DeliveryStatus.Bounced),
                Soft = db.Set<BounceEvent>().Count(e => e.CampaignId == c.Id && e.Kind == BounceKind.Soft),
                Complaints = db.Set<BounceEvent>().Count(e => e.CampaignId == c.Id && e.Kind == BounceKind.Complaint),
            }).ToListAsync(ct);
        var rows = campaigns.Select(c => new CampaignRow(c.Id, c.Subject, c.StartedAtUtc, new Figures(c.Sent, c.Bounced, c.Soft, c.Complaints))).ToList();

        var weekRows = Enumerable.Range(0, weeks).Select(i => firstMonday.AddDays(7 * i)).Reverse()
            .Select(monday => new WeekRow(WeekLabel(monday), rows.Where(r => BerlinMonday(r.StartedAtUtc) == monday)
                .Aggregate(new Figures(0, 0, 0, 0), (sum, r) => sum.Plus(r.Figures))))
            .ToList();

        var monthAgo = now.AddDays(-30);
        var recent = await db.BounceEvents.AsNoTracking().Where(e => e.ReceivedAtUtc >= monthAgo)
            .GroupBy(e => new { e.Kind, Matched = e.DeliveryId != null }).Select(g => new { g.Key.Kind, g.Key.Matched, Count = g.Count() }).ToListAsync(ct);
        return new Report(rows, weekRows,
            recent.Where(r => !r.Matched).GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Sum(r => r.Count)),
            recent.Where(r => r.Kind == BounceKind.AutoReply).Sum(r => r.Count));
    }

    private static DateTime BerlinMonday(DateTime utc)
    {
        var day = BerlinTime.ToBerlin(utc).Date;
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    private static string WeekLabel(DateTime monday) =>
        $"KW {ISOWeek.GetWeekOfYear(monday)}/{ISOWeek.GetYear(monday)} ({monday:dd.MM.}–{monday.AddDays(6):dd.MM.})";

    /// <summary>A rate in German ("0,12 %"), or a dash when nothing was sent.</summary>
    public static string Percent(double? rate) => rate is null ? "–" : (rate.Value * 100).ToString("0.00", Goldfeder.Common.GermanCount.Culture) + " %";

    /// <summary>Null when within the limits, else what the rate crosses.</summary>
    public static string? BounceWarning(double? rate) => rate switch
    {
        >= Thresholds.BounceRisk => "über 10 %: Sperre bei Amazon SES droht",
        >= Thresholds.BounceReview => "über 5 %: Amazon SES prüft das Konto",
        _ => null,
    };

    public static string? ComplaintWarning(double? rate) => rate switch
    {
        >= Thresholds.ComplaintRisk => "über 0,5 %: Sperre bei Amazon SES droht",
        >= Thresholds.ComplaintLimit => "über 0,3 %: Grenze von Gmail und Yahoo überschritten",
        >= Thresholds.ComplaintAim => "über 0,1 %: Ziel von Gmail/Yahoo verfehlt, Amazon SES prüft",
        _ => null,
    };
}
