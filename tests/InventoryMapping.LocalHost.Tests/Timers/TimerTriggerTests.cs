using Microsoft.Extensions.Time.Testing;

namespace InventoryMapping.LocalHost.Tests.Timers;

public sealed class TimerTriggerTests
{
    private static readonly DateTimeOffset s_start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_timer_function_fires_at_each_occurrence_of_its_schedule_setting()
    {
        var clock = new FakeTimeProvider(s_start);
        var settings = await SampleSettings.CreateAsync(schedule: "0 */5 * * * *");
        await using var host = await SampleHost.StartAsync(settings, time: clock);

        clock.Advance(TimeSpan.FromMinutes(5));
        await Eventually.HoldsAsync(() => host.Log.Of("Tick").Count == 1, "the first occurrence fired");
        clock.Advance(TimeSpan.FromMinutes(5));
        await Eventually.HoldsAsync(() => host.Log.Of("Tick").Count == 2, "the second occurrence fired");

        Assert.Equal(
            [Run(s_start.AddMinutes(5)), Run(s_start.AddMinutes(10))],
            host.Log.Of("Tick").Select(i => i.Detail));
    }

    [Fact]
    public async Task A_timer_function_does_not_fire_before_its_occurrence()
    {
        var clock = new FakeTimeProvider(s_start);
        var settings = await SampleSettings.CreateAsync(schedule: "0 */5 * * * *");
        await using var host = await SampleHost.StartAsync(settings, time: clock);

        clock.Advance(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(59));
        clock.Advance(TimeSpan.FromSeconds(1));
        await Eventually.HoldsAsync(() => host.Log.Of("Tick").Count == 1, "the occurrence fired");

        // Had it fired at 4:59, the first run would have seen that time.
        Assert.Equal(Run(s_start.AddMinutes(5)), host.Log.Of("Tick")[0].Detail);
    }

    // What the sample records: the clock when it ran and the occurrence the timer was scheduled for.
    private static string Run(DateTimeOffset occurrence) =>
        FormattableString.Invariant($"{occurrence:O}|{occurrence.UtcDateTime:O}");
}
