namespace InventoryMapping.SpApi;

/// <summary>
/// A document body that must keep coming: a read that gets no byte for <c>idle</c>, or a download that takes longer
/// than <c>total</c>, ends with a (transient) <see cref="ReportDocumentException"/> instead of holding the caller for
/// the socket's own timeout. Both run on the injected clock.
/// </summary>
internal sealed class DownloadDeadlineStream : ReadOnlyStream
{
    private readonly Stream _inner;
    private readonly TimeSpan _idle;
    private readonly TimeSpan _total;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _deadline;

    public DownloadDeadlineStream(Stream inner, TimeSpan idle, TimeSpan total, TimeProvider clock)
    {
        _inner = inner;
        _idle = idle;
        _total = total;
        _clock = clock;
        _deadline = new CancellationTokenSource(total, clock);
    }

    public override int Read(Span<byte> buffer) => _inner.Read(buffer);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        using var idle = new CancellationTokenSource(_idle, _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token, _deadline.Token);
        try
        {
            return await _inner.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ReportDocumentException(
                _deadline.IsCancellationRequested
                    ? $"The report document download took longer than {_total:g}; it will be downloaded again."
                    : $"The report document download stalled: no data for {_idle:g}; it will be downloaded again.",
                e);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _deadline.Dispose();
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
