using System.Globalization;
using NCrontab;

namespace InventoryMapping.LocalHost.Timers;

/// <summary>A timer trigger's schedule: a 6-field NCRONTAB expression (with seconds, UTC) or a TimeSpan interval.</summary>
internal sealed class TimerSchedule
{
    private readonly Func<DateTimeOffset, DateTimeOffset> _next;

    private TimerSchedule(string expression, Func<DateTimeOffset, DateTimeOffset> next)
    {
        Expression = expression;
        _next = next;
    }

    public string Expression { get; }

    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset GetNextOccurrence(DateTimeOffset after) => _next(after);

    public static TimerSchedule Parse(string expression, string functionName)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 6)
        {
            var cron = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true })
                ?? throw new InvalidOperationException($"Function '{functionName}': '{expression}' is not a valid NCRONTAB expression.");
            return new TimerSchedule(expression, after =>
                new DateTimeOffset(DateTime.SpecifyKind(cron.GetNextOccurrence(after.UtcDateTime), DateTimeKind.Utc)));
        }

        if (fields.Length == 1 && TimeSpan.TryParse(expression, CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero)
        {
            return new TimerSchedule(expression, after => after + interval);
        }

        throw new InvalidOperationException(
            $"Function '{functionName}': schedule '{expression}' must be a 6-field NCRONTAB expression " +
            "('{second} {minute} {hour} {day} {month} {day-of-week}') or a TimeSpan.");
    }
}
