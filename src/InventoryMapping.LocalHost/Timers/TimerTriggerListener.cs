using InventoryMapping.LocalHost.Hosting;
using InventoryMapping.LocalHost.Invocation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InventoryMapping.LocalHost.Timers;

/// <summary>
/// Fires timer-triggered functions on their schedules, measured with the app's <see cref="TimeProvider"/> (so tests
/// can drive it with a fake clock). One instance per schedule, no singleton lock: this is a single local process.
/// </summary>
internal sealed class TimerTriggerListener(
    FunctionCatalog catalog,
    IConfiguration configuration,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<TimerTriggerListener> logger) : IHostedService, ITriggerListener, IDisposable
{
    public const string TriggerType = "timerTrigger";

    // Task.Delay takes at most ~49 days; longer waits are done in steps.
    private static readonly TimeSpan s_longestDelay = TimeSpan.FromDays(1);

    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _timers = [];

    public static bool CanBind(Type parameterType) => parameterType == typeof(TimerInfo);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var function in catalog.WithTrigger(TriggerType))
        {
            var trigger = function.Metadata.Trigger!;
            var expression = AppSettings.Resolve(configuration, trigger.GetString("schedule") ?? string.Empty, function.Name);
            var schedule = TimerSchedule.Parse(expression, function.Name);
            logger.LogInformation("{Function}: timer '{Schedule}'", function.Name, expression);

            // Runs synchronously up to its first wait, so the first occurrence is scheduled before StartAsync returns.
            _timers.Add(RunAsync(function, schedule, trigger.GetBoolean("runOnStartup"), _stopping.Token));
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_timers).WaitAsync(cancellationToken);
    }

    public void Dispose() => _stopping.Dispose();

    string ITriggerListener.TriggerType => TriggerType;

    public Task InvokeNowAsync(FunctionInvoker function, string? input, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return InvokeAsync(function, new TimerInfo { ScheduleStatus = Status(default, now, now) }, cancellationToken);
    }

    private async Task RunAsync(FunctionInvoker function, TimerSchedule schedule, bool runOnStartup, CancellationToken stopping)
    {
        var last = default(DateTime);
        var lastUpdated = time.GetUtcNow().UtcDateTime;
        var next = schedule.GetNextOccurrence(time.GetUtcNow());
        if (runOnStartup)
        {
            // Off the start-up path, as the Functions host does: the run must not delay the host's start.
            await Task.Yield();
            await InvokeAsync(function, new TimerInfo { ScheduleStatus = Status(last, next.UtcDateTime, lastUpdated) }, stopping);
        }

        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await DelayUntilAsync(next, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            // Like the Functions host's schedule monitor, the status handed over is the one recorded before this run:
            // the previous occurrence as Last, this one as Next.
            var invokedAt = time.GetUtcNow();
            await InvokeAsync(function, new TimerInfo { ScheduleStatus = Status(last, next.UtcDateTime, lastUpdated) }, stopping);
            last = next.UtcDateTime;
            lastUpdated = invokedAt.UtcDateTime;

            // As in the host, the next occurrence follows the start of this run: a run that outlasts it is followed at once.
            next = schedule.GetNextOccurrence(invokedAt > next ? invokedAt : next);
        }
    }

    private static ScheduleStatus Status(DateTime last, DateTime next, DateTime lastUpdated) =>
        new() { Last = last, Next = next, LastUpdated = lastUpdated };

    private async Task DelayUntilAsync(DateTimeOffset due, CancellationToken stopping)
    {
        while (true)
        {
            var remaining = due - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(remaining < s_longestDelay ? remaining : s_longestDelay, time, stopping);
        }
    }

    private async Task InvokeAsync(FunctionInvoker function, TimerInfo timer, CancellationToken stopping)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var input = new TimerTriggerInput(timer);
        try
        {
            await function.InvokeAsync(scope.ServiceProvider, input, stopping);
            logger.LogInformation("{Function}: timer run done", function.Name);
        }
        catch (Exception exception) when (!stopping.IsCancellationRequested)
        {
            // As in Azure: no retry; the next occurrence runs as scheduled.
            logger.LogError(exception, "{Function}: timer run failed", function.Name);
        }
        catch (Exception) when (stopping.IsCancellationRequested)
        {
            // Stopping: the run was cancelled with the host.
        }
    }
}
