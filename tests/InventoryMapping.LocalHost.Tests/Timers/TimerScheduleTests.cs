using InventoryMapping.LocalHost.Timers;

namespace InventoryMapping.LocalHost.Tests.Timers;

public sealed class TimerScheduleTests
{
    private static readonly DateTimeOffset s_start = new(2026, 3, 1, 10, 2, 30, TimeSpan.Zero);

    [Theory]
    [InlineData("0 */5 * * * *", "2026-03-01T10:05:00Z")]
    [InlineData("*/10 * * * * *", "2026-03-01T10:02:40Z")]
    [InlineData("0 0 2 * * *", "2026-03-02T02:00:00Z")]
    [InlineData("0 30 9 * * 1-5", "2026-03-02T09:30:00Z")]
    [InlineData("00:15:00", "2026-03-01T10:17:30Z")]
    public void The_next_occurrence_follows_the_six_field_expression_or_interval(string expression, string expected)
    {
        var next = TimerSchedule.Parse(expression, "F").GetNextOccurrence(s_start);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Theory]
    [InlineData("*/5 * * * *")]
    [InlineData("every minute")]
    [InlineData("0 61 * * * *")]
    public void A_five_field_or_invalid_expression_is_rejected_naming_the_function(string expression)
    {
        var error = Assert.Throws<InvalidOperationException>(() => TimerSchedule.Parse(expression, "Nightly"));

        Assert.Contains("Nightly", error.Message, StringComparison.Ordinal);
    }
}
