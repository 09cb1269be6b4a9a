using Azure.Data.Tables;

namespace InventoryMapping.Lifecycle;

/// <summary>
/// A request to Amazon followed by <see cref="OperationLifecycle"/>: one row per request, in its operation's table,
/// partition = channel id, log-tail row key (newest first).
/// </summary>
public interface ITrackedRequest : ITableEntity
{
    DateTimeOffset RequestedAt { get; set; }

    DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Why it failed, or the last transient trouble while it is still in flight.</summary>
    string? Error { get; set; }

    /// <summary>Transient failures in a row; past <see cref="LifecycleOptions.MaxTransientFailures"/> the request fails.</summary>
    int TransientFailures { get; set; }

    /// <summary>
    /// Not before this may the next step run (back-off after a transient failure, Amazon's rate allowance). Null on a
    /// request not yet sent: its creator is sending it, so it is sent again only after <see cref="TrackedOperation{TRequest}.UnsentRequestTimeout"/>.
    /// </summary>
    DateTimeOffset? NextAttemptAt { get; set; }
}
