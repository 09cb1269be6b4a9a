using InventoryMapping.Channels;
using InventoryMapping.Lifecycle;
using InventoryMapping.StockMarks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InventoryMapping.StockSync;

/// <summary>
/// The delta stock sync: each timer run follows every channel's submission in flight one step, and where none is
/// in flight and listings are marked, starts one (<see cref="StockSubmissionOperation"/> in the one
/// <see cref="OperationLifecycle"/>). Also the safety rail's confirm and discard, and the summary's sync state.
/// </summary>
public sealed class StockSyncService(
    ChannelStore channels,
    OperationLifecycle lifecycle,
    StockSubmissionOperation operation,
    StockSubmissionStore submissions,
    PendingStockMarks marks,
    StockSyncRows rows,
    SkuClaims claims,
    IChannelResync resync,
    IOptions<StockSyncOptions> options,
    TimeProvider clock,
    ILogger<StockSyncService> logger)
{
    /// <summary>The summary counts pending marks up to this many.</summary>
    public const int PendingCountCap = 10_000;

    /// <summary>The summary lists this many of the channel's SKU conflicts at most.</summary>
    public const int ConflictsShown = 20;

    private readonly ChannelRun _run = new(options.Value.ChannelParallelism, options.Value.RunBudget, clock, logger);

    /// <summary>One timer run over every channel.</summary>
    public async Task RunAsync(CancellationToken cancellationToken) =>
        await _run.RunAsync("SyncStock", await channels.ListAsync(cancellationToken), RunChannelAsync, cancellationToken);

    /// <summary>One channel's step: resync after a rule change; follow its submission in flight; if none is (or it just ended) and listings are marked, start the next.</summary>
    public async Task RunChannelAsync(Channel channel, CancellationToken cancellationToken)
    {
        // New locations or rules (or a channel never synced): every linked listing is checked again, by a job.
        await rows.OnRulesChangeAsync(channel, () => resync.StartAsync(channel, force: false, dryRun: false, cancellationToken), cancellationToken);

        if ((await lifecycle.ReadSlotAsync(operation, channel.ChannelId, cancellationToken)).InFlightRequestId is not null)
        {
            await lifecycle.AdvanceAsync(operation, channel, cancellationToken);
            if ((await lifecycle.ReadSlotAsync(operation, channel.ChannelId, cancellationToken)).InFlightRequestId is not null)
            {
                return;
            }
        }

        if (await marks.AnyAsync(channel.ChannelId, cancellationToken))
        {
            await lifecycle.StartAsync(operation, channel, interactive: false, cancellationToken);
        }
    }

    /// <summary>Releases the held submission: it is sent on the next run.</summary>
    public Task<Result<StockSubmission>> ConfirmAsync(string channelId, CancellationToken cancellationToken) =>
        DecideHeldAsync(channelId, StockSubmissionStatus.Submitting, "confirmed", cancellationToken);

    /// <summary>Drops the held submission: nothing is sent, and its listings' marks are removed on the next run.</summary>
    public Task<Result<StockSubmission>> DiscardAsync(string channelId, CancellationToken cancellationToken) =>
        DecideHeldAsync(channelId, StockSubmissionStatus.Discarded, "discarded", cancellationToken);

    public async Task<Result<StockSyncState>> GetStateAsync(string channelId, CancellationToken cancellationToken)
    {
        if (await channels.GetAsync(channelId, cancellationToken) is null)
        {
            return DomainError.NotFound("Channel", channelId);
        }

        return await StateAsync(channelId, cancellationToken);
    }

    /// <summary>The summary's part (the channel is known to exist).</summary>
    public async Task<StockSyncState> StateAsync(string channelId, CancellationToken cancellationToken)
    {
        var latest = await submissions.GetLatestAsync(channelId, cancellationToken);
        var (pending, capped) = await marks.CountAsync(channelId, PendingCountCap, cancellationToken);
        var view = latest?.ToSubmission();
        return new StockSyncState(
            latest?.RequestedAt,
            pending,
            capped,
            view?.Status == StockSubmissionStatus.Held ? view : null,
            view,
            latest?.Error,
            await rows.ForceUpdateAvailableAtAsync(channelId, options.Value.ForceUpdateCooldown, cancellationToken))
        {
            Conflicts = await ConflictsAsync(channelId, cancellationToken),
        };
    }

    /// <summary>The channel's first SKU conflicts, without those of channels deleted since (their claims are not released).</summary>
    private async Task<IReadOnlyList<SkuConflict>> ConflictsAsync(string channelId, CancellationToken cancellationToken)
    {
        var conflicts = await claims.OfChannelAsync(channelId, ConflictsShown, cancellationToken);
        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var other in conflicts.Select(c => c.ChannelId).Distinct(StringComparer.Ordinal))
        {
            if (await channels.GetAsync(other, cancellationToken) is not null)
            {
                existing.Add(other);
            }
        }

        return [.. conflicts.Where(c => existing.Contains(c.ChannelId))];
    }

    private async Task<Result<StockSubmission>> DecideHeldAsync(string channelId, StockSubmissionStatus to, string verb, CancellationToken cancellationToken)
    {
        if (await channels.GetAsync(channelId, cancellationToken) is null)
        {
            return DomainError.NotFound("Channel", channelId);
        }

        var slot = await lifecycle.ReadSlotAsync(operation, channelId, cancellationToken);
        var held = slot.InFlightRequestId is { } id ? await lifecycle.GetRequestAsync(operation, channelId, id, cancellationToken) : null;
        if (held is not { SubmissionStatus: StockSubmissionStatus.Held })
        {
            return DomainError.Conflict($"The channel's stock sync holds no submission to be {verb}.", "submission");
        }

        var now = clock.GetUtcNow();
        held.Confirmed = to == StockSubmissionStatus.Submitting;
        held.MoveTo(to, now, $"{char.ToUpperInvariant(verb[0])}{verb[1..]} by a user after the safety rail held it.");
        // The next run goes on with it at once rather than after the unsent timeout.
        held.NextAttemptAt = now;
        return await operation.TrySaveAsync(held, cancellationToken)
            ? held.ToSubmission()
            : DomainError.PreconditionFailed("The submission changed meanwhile; read the sync state again and retry.");
    }
}
