using System.Reflection;
using InventoryMapping.Jobs;
using InventoryMapping.Jobs.Kinds;
using InventoryMapping.Storage;
using Microsoft.Extensions.Logging;

namespace InventoryMapping.Health;

/// <summary>
/// Whether the app can do its work: its storage answers (one small read of each service it needs), its version, and
/// what the latest reservation sweep left unresolved (two more small reads).
/// </summary>
public sealed partial class AppHealth(AppStorage storage, JobStore jobs, ILogger<AppHealth> logger)
{
    /// <summary>How long a probe waits for storage before it calls it unreachable.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    public static string Version { get; } =
        typeof(AppHealth).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await foreach (var _ in storage.Settings.QueryAsync<Azure.Data.Tables.TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: timeout.Token).AsPages(pageSizeHint: 1))
            {
                break;
            }

            await storage.JobQueue.GetPropertiesAsync(timeout.Token);
            var sweep = await jobs.LatestFinishedAsync(JobKind.SweepReservations, timeout.Token);
            return new HealthReport("healthy", "reachable", Version, sweep is null ? null : ReservationsAfter(sweep));
        }
        catch (Exception e) when (e is Azure.RequestFailedException or OperationCanceledException or AggregateException && !cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(logger, e);
            return new HealthReport("unhealthy", "unreachable", Version);
        }
    }

    private static ReservationHealth ReservationsAfter(Job sweep) =>
        new(sweep.Result.GetValueOrDefault(SweepReservations.InFlight), sweep.FinishedAt ?? sweep.CreatedAt, sweep.JobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health probe: storage unreachable")]
    private static partial void LogUnreachable(ILogger logger, Exception exception);
}
