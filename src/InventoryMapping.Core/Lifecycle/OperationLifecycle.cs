using InventoryMapping.Channels;
using InventoryMapping.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InventoryMapping.Lifecycle;

/// <summary>
/// The one "claim the channel's in-flight slot, call Amazon, poll, time out, recover" lifecycle, for any
/// <see cref="TrackedOperation{TRequest}"/> (listings reports; feed submissions next). Each channel has one slot per
/// operation, claimed under its ETag, so a timer that runs twice or an HTTP call racing a timer never starts a second
/// request. Every step is recorded before the next; a process that dies between steps leaves a state the next
/// <see cref="AdvanceAsync"/> goes on from. Failures go through <see cref="AmazonFailures"/>: permanent ones fail the
/// request, transient ones back off and fail after <see cref="LifecycleOptions.MaxTransientFailures"/>.
/// </summary>
public sealed partial class OperationLifecycle(ConflictRetry retry, IOptions<LifecycleOptions> options, TimeProvider clock, ILogger<OperationLifecycle> logger)
{
    public async Task<InFlightSlot> ReadSlotAsync<TRequest>(TrackedOperation<TRequest> operation, string channelId, CancellationToken cancellationToken)
        where TRequest : class, ITrackedRequest
    {
        var slot = await ReadSlotEntityAsync(operation, channelId, cancellationToken);
        return new InFlightSlot(slot.InFlightRequestId, slot.AsOf);
    }

    public async Task<TRequest?> GetRequestAsync<TRequest>(TrackedOperation<TRequest> operation, string channelId, string requestId, CancellationToken cancellationToken)
        where TRequest : class, ITrackedRequest
    {
        if (!RequestIds.IsValid(requestId))
        {
            return null;
        }

        var row = await operation.Table.GetEntityIfExistsAsync<TRequest>(channelId, requestId, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>
    /// Starts a request for the channel unless one is in flight, which is then the answer. <paramref name="interactive"/>:
    /// an HTTP caller waits, so Amazon is asked once without retries; a transient failure leaves the request for the timer.
    /// </summary>
    public async Task<TRequest> StartAsync<TRequest>(TrackedOperation<TRequest> operation, Channel channel, bool interactive, CancellationToken cancellationToken)
        where TRequest : class, ITrackedRequest
    {
        // A conflict on the slot means another caller claimed it: the next read finds theirs.
        var (request, claimed) = await retry.RunAsync(
            ConflictLimit.InFlightSlot,
            async (_, ct) =>
            {
                var slot = await ReadSlotEntityAsync(operation, channel.ChannelId, ct);
                if (slot.InFlightRequestId is { } inFlight && await GetRequestAsync(operation, channel.ChannelId, inFlight, ct) is { } existing)
                {
                    return Attempt.Done<(TRequest, InFlightSlotEntity?)>((existing, null));
                }

                var now = clock.GetUtcNow();
                var request = operation.NewRequest(channel, RequestIds.New(now), now);
                slot.InFlightRequestId = request.RowKey;
                return await TrackedRows.TrySaveAsync(operation.Table, slot, ct)
                    ? Attempt.Done<(TRequest, InFlightSlotEntity?)>((request, slot))
                    : Attempt.Conflict<(TRequest, InFlightSlotEntity?)>();
            },
            cancellationToken);
        if (claimed is not null)
        {
            await TrackedRows.TrySaveAsync(operation.Table, request, cancellationToken);
            await RunStepAsync(operation, channel, claimed, request, () => SendAsync(operation, channel, request, interactive, cancellationToken), cancellationToken);
        }

        return request;
    }

    /// <summary>Moves the channel's request in flight one step: send it if it never was, else poll it; then record the outcome.</summary>
    public async Task AdvanceAsync<TRequest>(TrackedOperation<TRequest> operation, Channel channel, CancellationToken cancellationToken)
        where TRequest : class, ITrackedRequest
    {
        var slot = await ReadSlotEntityAsync(operation, channel.ChannelId, cancellationToken);
        if (slot.InFlightRequestId is not { } requestId)
        {
            return;
        }

        if (await GetRequestAsync(operation, channel.ChannelId, requestId, cancellationToken) is not { } request)
        {
            await ReleaseAsync(operation, slot, asOf: null, cancellationToken);
            return;
        }

        var now = clock.GetUtcNow();
        if (request.NextAttemptAt is { } next && now < next)
        {
            return;
        }

        if (!operation.IsSent(request))
        {
            if (request.NextAttemptAt is not null || now - request.RequestedAt >= operation.UnsentRequestTimeout)
            {
                await RunStepAsync(operation, channel, slot, request, () => SendAsync(operation, channel, request, interactive: false, cancellationToken), cancellationToken);
            }

            return;
        }

        await RunStepAsync(operation, channel, slot, request, () => operation.AdvanceAsync(channel, request, cancellationToken), cancellationToken);
    }

    private static Task<Step> SendAsync<TRequest>(TrackedOperation<TRequest> operation, Channel channel, TRequest request, bool interactive, CancellationToken cancellationToken)
        where TRequest : class, ITrackedRequest =>
        operation.SendAsync(channel, request, interactive, cancellationToken);

    private async Task RunStepAsync<TRequest>(
        TrackedOperation<TRequest> operation, Channel channel, InFlightSlotEntity slot, TRequest request, Func<Task<Step>> step, CancellationToken cancellationToken)
        where TRequest : class, ITrackedRequest
    {
        Step outcome;
        try
        {
            outcome = await step();
        }
        catch (Exception e) when (AmazonFailures.Classify(e, cancellationToken) is { } failure)
        {
            await RecordFailureAsync(operation, channel, slot, request, failure, e, cancellationToken);
            return;
        }

        request.TransientFailures = 0;
        request.NextAttemptAt = null;
        switch (outcome)
        {
            case Step.ContinueStep:
                await TrackedRows.TrySaveAsync(operation.Table, request, cancellationToken);
                break;
            case Step.CompletedStep completed:
                request.CompletedAt ??= clock.GetUtcNow();
                await TrackedRows.TrySaveAsync(operation.Table, request, cancellationToken);
                await ReleaseAsync(operation, slot, completed.AsOf, cancellationToken);
                break;
            case Step.RestartStep:
                request.CompletedAt ??= clock.GetUtcNow();
                await TrackedRows.TrySaveAsync(operation.Table, request, cancellationToken);
                if (await ReleaseAsync(operation, slot, asOf: null, cancellationToken))
                {
                    await StartAsync(operation, channel, interactive: false, cancellationToken);
                }

                break;
        }
    }

    private async Task RecordFailureAsync<TRequest>(
        TrackedOperation<TRequest> operation, Channel channel, InFlightSlotEntity slot, TRequest request, AmazonFailure failure, Exception cause, CancellationToken cancellationToken)
        where TRequest : class, ITrackedRequest
    {
        var now = clock.GetUtcNow();
        if (failure.Kind == AmazonFailureKind.Deferred)
        {
            request.NextAttemptAt = now + (failure.RetryAfter ?? options.Value.RetryBaseDelay);
            await TrackedRows.TrySaveAsync(operation.Table, request, cancellationToken);
            LogDeferred(logger, operation.Name, channel.ChannelId, request.NextAttemptAt.Value, failure.Reason);
            return;
        }

        if (failure.Kind == AmazonFailureKind.Transient && request.TransientFailures + 1 < options.Value.MaxTransientFailures)
        {
            request.TransientFailures++;
            request.Error = failure.Reason;
            request.NextAttemptAt = now + options.Value.RetryDelay(request.TransientFailures);
            await TrackedRows.TrySaveAsync(operation.Table, request, cancellationToken);
            LogTransient(logger, cause, operation.Name, channel.ChannelId, request.TransientFailures, failure.Reason);
            return;
        }

        var reason = failure.Kind == AmazonFailureKind.Transient
            ? $"{failure.Reason.TrimEnd('.', ' ')} — gave up after {options.Value.MaxTransientFailures} tries."
            : failure.Reason;
        operation.Fail(request, reason, now);
        request.NextAttemptAt = null;
        await TrackedRows.TrySaveAsync(operation.Table, request, cancellationToken);
        await ReleaseAsync(operation, slot, asOf: null, cancellationToken);
        LogFailed(logger, cause, operation.Name, channel.ChannelId, reason);
    }

    private static async Task<InFlightSlotEntity> ReadSlotEntityAsync<TRequest>(TrackedOperation<TRequest> operation, string channelId, CancellationToken cancellationToken)
        where TRequest : class, ITrackedRequest
    {
        var rowKey = InFlightSlotEntity.RowKeyOf(operation.Name);
        var row = await operation.Table.GetEntityIfExistsAsync<InFlightSlotEntity>(channelId, rowKey, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value! : new InFlightSlotEntity { PartitionKey = channelId, RowKey = rowKey };
    }

    private static async Task<bool> ReleaseAsync<TRequest>(TrackedOperation<TRequest> operation, InFlightSlotEntity slot, DateTimeOffset? asOf, CancellationToken cancellationToken)
        where TRequest : class, ITrackedRequest
    {
        slot.InFlightRequestId = null;
        slot.AsOf = asOf ?? slot.AsOf;
        return await TrackedRows.TrySaveAsync(operation.Table, slot, cancellationToken);
    }

    [LoggerMessage(LogLevel.Information, "{Operation} of channel {ChannelId}: next step at {NextAttemptAt}: {Reason}")]
    private static partial void LogDeferred(ILogger logger, string operation, string channelId, DateTimeOffset nextAttemptAt, string reason);

    [LoggerMessage(LogLevel.Warning, "{Operation} of channel {ChannelId}: transient failure {Failures}, will retry: {Reason}")]
    private static partial void LogTransient(ILogger logger, Exception exception, string operation, string channelId, int failures, string reason);

    [LoggerMessage(LogLevel.Warning, "{Operation} of channel {ChannelId} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string operation, string channelId, string reason);
}
