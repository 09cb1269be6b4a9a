using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InventoryMapping.Inventory;

/// <summary>
/// The in-process search index of one instance. Loaded on first use from the newest snapshot (or, when there is
/// none, from the Items table, writing the first snapshot) plus the change log since the snapshot's high-water mark;
/// then kept current by this instance's own writes at once and by the change log every
/// <see cref="ItemSearchOptions.PollInterval"/>. Nothing lives only here: a crash loses nothing storage does not hold.
/// </summary>
public sealed class ItemSearchIndex(
    ItemSearchSnapshots snapshots, ItemChangeLog log, IOptions<ItemSearchOptions> options, TimeProvider clock, ILogger<ItemSearchIndex> logger)
    : IAsyncDisposable
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<ItemChange> _duringLoad = [];

    // Per item, the latest change applied within the late-write allowance: a change read again is skipped (it is
    // in already), and so is one older than what is in (a slow log write landing after a newer one).
    private readonly Dictionary<ulong, long> _applied = [];
    private volatile ItemSearchState? _state;
    private bool _loadUnderWay;
    private DateTimeOffset _readFrom;
    private DateTimeOffset _rebuiltAt;
    private Task? _polling;
    private Task? _compacting;

    private ItemSearchOptions Options => options.Value;

    /// <summary>The current state, loading it first if this instance has none yet.</summary>
    internal async ValueTask<ItemSearchState> CurrentAsync(CancellationToken cancellationToken) =>
        _state ?? await LoadAsync(cancellationToken);

    /// <summary>
    /// The current state, having read the change log at most <paramref name="maxAge"/> ago: read again now when the
    /// last read is older (the poll failing, or falling behind), so an answer is never staler than that.
    /// </summary>
    internal async ValueTask<ItemSearchState> CurrentAsync(TimeSpan maxAge, CancellationToken cancellationToken)
    {
        var state = await CurrentAsync(cancellationToken);
        var readSince = clock.GetUtcNow() - maxAge;
        DateTimeOffset readFrom;
        lock (_gate)
        {
            readFrom = _readFrom;
        }

        if (readFrom >= readSince)
        {
            return state;
        }

        await RefreshAsync(cancellationToken, unlessReadSince: readSince);
        return _state!;
    }

    /// <summary>Items in the catalog (changes since it was built not counted) and the bytes its arrays hold; 0 before loading.</summary>
    public (int Items, long Bytes) CatalogSize => _state is { } state ? (state.Catalog.Count, state.Catalog.Bytes) : (0, 0);

    /// <summary>Changes not folded into the catalog yet (each search goes through them; compaction folds them in the background).</summary>
    public int PendingChanges => _state?.Overlay.Count ?? 0;

    /// <summary>Where the index has read the change log up to: every change logged before it is in (if it landed in time).</summary>
    internal DateTimeOffset ReadFrom => _readFrom;

    /// <summary>This instance's own writes, applied at once (ignored until the index is loaded: the load reads them).</summary>
    internal void Apply(IReadOnlyList<ItemChange> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_state is { } state)
            {
                foreach (var change in changes)
                {
                    _applied[change.Key] = Math.Max(change.Ticks, _applied.GetValueOrDefault(change.Key));
                }

                _state = state.With(changes);
                CompactIfDue();
            }
            else if (_loadUnderWay)
            {
                _duringLoad.AddRange(changes);
            }
        }
    }

    /// <summary>
    /// Reads the change log from <see cref="ReadFrom"/> less the late-write allowance and applies it (unless, by the
    /// time it is this caller's turn, another read began after <paramref name="unlessReadSince"/>).
    /// </summary>
    internal async Task RefreshAsync(CancellationToken cancellationToken, DateTimeOffset? unlessReadSince = null)
    {
        if (_state is null)
        {
            await LoadAsync(cancellationToken);
            return;
        }

        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            if (_readFrom >= unlessReadSince)
            {
                return;
            }

            var forgetBefore = (_readFrom - Options.LateWriteAllowance).UtcTicks;
            var (changes, since) = await ChangesSinceAsync(_readFrom, cancellationToken);
            lock (_gate)
            {
                _state = _state!.With(Unseen(changes));
                _readFrom = since;
                foreach (var old in _applied.Where(a => a.Value < forgetBefore).Select(a => a.Key).ToList())
                {
                    _applied.Remove(old);
                }

                CompactIfDue();
            }
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>
    /// Writes a snapshot of the current state (refreshed first) and prunes change-log rows it no longer needs. Once
    /// the state's chain is <see cref="ItemSearchOptions.RebuildInterval"/> old, the snapshot is built from the Items
    /// table instead, and this instance takes it as its state: a change whose log write a crash lost is then in.
    /// </summary>
    public async Task WriteSnapshotAsync(CancellationToken cancellationToken)
    {
        await CurrentAsync(cancellationToken);
        if (clock.GetUtcNow() - _rebuiltAt >= Options.RebuildInterval)
        {
            await RebuildAsync(cancellationToken);
            return;
        }

        await RefreshAsync(cancellationToken);
        var (state, highWaterMark) = (_state!, _readFrom);
        await snapshots.WriteAsync(state.Entries(), highWaterMark, _rebuiltAt, cancellationToken);
        var pruned = await log.PruneAsync(highWaterMark - Options.ChangeLogRetention, limit: 200_000, cancellationToken);
        logger.LogInformation("Search snapshot written as of {HighWaterMark}; {Pruned} change-log rows pruned.", highWaterMark, pruned);
    }

    /// <summary>Builds the state and a snapshot from the Items table, then applies the change log since the scan began.</summary>
    private async Task RebuildAsync(CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            var (catalog, started) = await BuildFromItemsAsync(cancellationToken);
            var (changes, since) = await ChangesSinceAsync(started, cancellationToken);
            lock (_gate)
            {
                // The scan is the truth as of its start; the log since then (all of it, applied or not) is newer.
                _applied.Clear();
                _state = ItemSearchState.Of(catalog).With(Unseen(changes));
                _readFrom = since;
                _rebuiltAt = started;
                CompactIfDue(loaded: true);
            }

            logger.LogInformation("Search index rebuilt from the Items table: {Count} items.", catalog.Count);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        foreach (var task in new[] { _polling, _compacting })
        {
            if (task is not null)
            {
                await task.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            }
        }

        _stopping.Dispose();
        _loading.Dispose();
        _refreshing.Dispose();
    }

    private async Task<ItemSearchState> LoadAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_state is { } loaded)
            {
                return loaded;
            }

            lock (_gate)
            {
                _loadUnderWay = true;
            }

            var snapshot = await snapshots.ReadLatestAsync(cancellationToken);
            ItemSearchCatalog catalog;
            DateTimeOffset highWaterMark;
            DateTimeOffset rebuiltAt;
            if (snapshot is { } found)
            {
                (catalog, highWaterMark, rebuiltAt) = found;
            }
            else
            {
                (catalog, highWaterMark) = await BuildFromItemsAsync(cancellationToken);
                rebuiltAt = highWaterMark;
                logger.LogInformation("No search snapshot: built one of {Count} items from the Items table.", catalog.Count);
            }

            var (changes, since) = await ChangesSinceAsync(highWaterMark, cancellationToken);
            lock (_gate)
            {
                _state = ItemSearchState.Of(catalog).With(Unseen(changes)).With(Unseen(_duringLoad));
                _duringLoad.Clear();
                _loadUnderWay = false;
                _readFrom = since;
                _rebuiltAt = rebuiltAt;
                _polling = PollAsync(_stopping.Token);
                CompactIfDue(loaded: true);
                return _state;
            }
        }
        finally
        {
            lock (_gate)
            {
                _loadUnderWay = false;
                _duringLoad.Clear();
            }

            _loading.Release();
        }
    }

    /// <summary>Scans the Items table into a catalog and writes it as the snapshot as of the scan's start.</summary>
    private async Task<(ItemSearchCatalog Catalog, DateTimeOffset Scanned)> BuildFromItemsAsync(CancellationToken cancellationToken)
    {
        var (entries, scanned) = await snapshots.ScanItemsAsync(clock.GetUtcNow(), cancellationToken);
        await snapshots.WriteAsync(entries, scanned, scanned, cancellationToken);
        return (ItemSearchSnapshots.Build(entries), scanned);
    }

    /// <summary>
    /// The change log from a state's high-water mark (less the late-write allowance), and the time the next read
    /// starts from, taken before this read.
    /// </summary>
    private async Task<(IReadOnlyList<ItemChange> Changes, DateTimeOffset Since)> ChangesSinceAsync(
        DateTimeOffset highWaterMark, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow();
        var changes = await log.ReadSinceAsync(highWaterMark - Options.LateWriteAllowance, cancellationToken);
        return (changes, since);
    }

    /// <summary>The changes not applied yet (call under the gate); marks them applied.</summary>
    private List<ItemChange> Unseen(IReadOnlyList<ItemChange> changes)
    {
        var unseen = new List<ItemChange>();
        foreach (var change in changes)
        {
            if (!_applied.TryGetValue(change.Key, out var ticks) || ticks < change.Ticks)
            {
                _applied[change.Key] = change.Ticks;
                unseen.Add(change);
            }
        }

        return unseen;
    }

    private async Task PollAsync(CancellationToken stopping)
    {
        // The next wait starts before each read, so reads begin every PollInterval whatever a read takes.
        var due = Task.Delay(Options.PollInterval, clock, stopping);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await due;
                due = Task.Delay(Options.PollInterval, clock, stopping);
                await RefreshAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The next poll reads the same range again: nothing is lost, the index is only older meanwhile.
                logger.LogWarning(e, "Reading the item change log failed; retrying at the next poll.");
            }
        }
    }

    /// <summary>Folds the changes into a new catalog in the background once they are many (a search goes through all of them).</summary>
    private void CompactIfDue(bool loaded = false)
    {
        var state = _state!;
        var due = loaded ? 100 : Math.Clamp(state.Catalog.Count / 50, 2_000, 20_000);
        if (state.Overlay.Count < due || _compacting is { IsCompleted: false })
        {
            return;
        }

        _compacting = Task.Run(
            () =>
            {
                var catalog = ItemSearchSnapshots.Build(state.Entries());
                lock (_gate)
                {
                    var current = _state!;
                    var overlay = current.Overlay.ToBuilder();
                    foreach (var (key, change) in current.Overlay)
                    {
                        if (state.Overlay.TryGetValue(key, out var folded) && ReferenceEquals(folded, change))
                        {
                            overlay.Remove(key);
                        }
                    }

                    _state = new ItemSearchState(catalog, overlay.ToImmutable());
                }
            },
            _stopping.Token);
    }
}
