namespace InventoryMapping.Storage;

/// <summary>
/// Group commit for one shared row (a channel's counts, a job's checkpoint): callers queue their changes with
/// <see cref="CommitAsync"/>; the first to find nobody writing writes every change queued up to then in one
/// <c>commit</c>, and again until the queue is empty, while the others wait for the write that carries theirs. So
/// writers that all touch one row cost one write per round trip instead of queueing one write each.
/// </summary>
/// <remarks>
/// One instance per row, per process (other processes are the ETag's business, inside <c>commit</c>). A failed
/// commit fails every caller whose change it carried; the next commit starts with the changes queued after it.
/// </remarks>
/// <typeparam name="TChange">One caller's change.</typeparam>
/// <typeparam name="TResult">What a commit answers to every caller whose change it carried.</typeparam>
public sealed class GroupCommit<TChange, TResult>
{
    private readonly Func<IReadOnlyList<TChange>, CancellationToken, Task<TResult>> _commit;
    private readonly CancellationToken _commitToken;
    private readonly Lock _gate = new();
    private List<Pending> _queue = [];
    private bool _writing;

    /// <param name="commit">Writes the changes, in the order they were queued.</param>
    /// <param name="commitToken">
    /// Cancels the writes themselves: the token of whatever owns the row (a job slice), or none. Never one caller's,
    /// since a write carries other callers' changes.
    /// </param>
    public GroupCommit(Func<IReadOnlyList<TChange>, CancellationToken, Task<TResult>> commit, CancellationToken commitToken = default)
    {
        _commit = commit;
        _commitToken = commitToken;
    }

    /// <summary>
    /// Queues <paramref name="change"/> and returns when a commit carrying it is done (with that commit's result or
    /// failure). <paramref name="cancellationToken"/> stops the wait, not the commit: a queued change is written.
    /// </summary>
    public async Task<TResult> CommitAsync(TChange change, CancellationToken cancellationToken)
    {
        var mine = new Pending(change, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        bool writes;
        lock (_gate)
        {
            _queue.Add(mine);
            writes = !_writing;
            _writing = true;
        }

        if (writes)
        {
            await WriteQueuedAsync();
        }

        return await mine.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteQueuedAsync()
    {
        while (true)
        {
            List<Pending> batch;
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    _writing = false;
                    return;
                }

                batch = _queue;
                _queue = [];
            }

            try
            {
                var result = await _commit(batch.ConvertAll(p => p.Change), _commitToken);
                batch.ForEach(p => p.Done.SetResult(result));
            }
            catch (Exception e)
            {
                batch.ForEach(p => p.Done.SetException(e));
            }
        }
    }

    private sealed record Pending(TChange Change, TaskCompletionSource<TResult> Done);
}
