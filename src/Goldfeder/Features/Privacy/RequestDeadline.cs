using Goldfeder.Common;

namespace Goldfeder.Features.Privacy;

/// <summary>
/// Art. 12(3) GDPR: answer without undue delay, at the latest within one month of receipt; extendable by two further
/// months where necessary, with reasons. A month ends on the same day of the next month, or on its last day when that
/// day does not exist (Regulation 1182/71 Art. 3(2)(c)), which is what <see cref="DateOnly.AddMonths"/> does.
/// </summary>
public static class RequestDeadline
{
    public static DateOnly Due(DateOnly receivedOn, bool extended) => receivedOn.AddMonths(extended ? 3 : 1);

    /// <summary>Today's date in Berlin, the calendar the officer and the deadline use.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(BerlinTime.ToBerlin(clock.GetUtcNow().UtcDateTime));
}
