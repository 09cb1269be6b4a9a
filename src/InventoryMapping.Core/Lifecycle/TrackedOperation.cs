using Azure.Data.Tables;
using InventoryMapping.Channels;

namespace InventoryMapping.Lifecycle;

/// <summary>
/// One kind of Amazon request that <see cref="OperationLifecycle"/> runs: what starting it and following it mean.
/// The lifecycle does the rest (slot, timeouts, back-off, failures). Listings reports are one; feed submissions next.
/// </summary>
public abstract class TrackedOperation<TRequest>
    where TRequest : class, ITrackedRequest
{
    /// <summary>Names the channel's in-flight slot of this operation, e.g. <c>listingsReport</c>.</summary>
    public abstract string Name { get; }

    /// <summary>The table of its requests and slots.</summary>
    public abstract TableClient Table { get; }

    /// <summary>A request whose send never completed (the process died) is sent again after this long.</summary>
    public abstract TimeSpan UnsentRequestTimeout { get; }

    public abstract TRequest NewRequest(Channel channel, string requestId, DateTimeOffset now);

    /// <summary>Whether Amazon was asked (and answered) already.</summary>
    public abstract bool IsSent(TRequest request);

    /// <summary>
    /// Asks Amazon to start it (or goes on with a send that stopped part-way). <paramref name="interactive"/>: an HTTP
    /// caller waits, so no retries or rate-limit waits. Usually <see cref="Step.Continue"/>; a request that turns out to
    /// need nothing sent ends here.
    /// </summary>
    public abstract Task<Step> SendAsync(Channel channel, TRequest request, bool interactive, CancellationToken cancellationToken);

    /// <summary>Follows a sent request one step (poll; when Amazon is done, take the result).</summary>
    public abstract Task<Step> AdvanceAsync(Channel channel, TRequest request, CancellationToken cancellationToken);

    /// <summary>Records <paramref name="request"/> as it is now (a step that takes long, e.g. before a download).</summary>
    protected Task<bool> CheckpointAsync(TRequest request, CancellationToken cancellationToken) => TrackedRows.TrySaveAsync(Table, request, cancellationToken);

    /// <summary>Records <paramref name="request"/> under its ETag for a caller outside the lifecycle's steps (e.g. a user's decision on it); false when it changed meanwhile.</summary>
    public Task<bool> TrySaveAsync(TRequest request, CancellationToken cancellationToken) => TrackedRows.TrySaveAsync(Table, request, cancellationToken);

    /// <summary>Marks it failed with <paramref name="reason"/> (the operation's state machine decides the status).</summary>
    public abstract void Fail(TRequest request, string reason, DateTimeOffset now);
}
