using InventoryMapping.Channels;
using InventoryMapping.Storage;

namespace InventoryMapping.Jobs;

/// <summary>
/// A kind of job, typed: its parameters (<typeparamref name="TParameters"/>, stored as versioned JSON on the job),
/// its result (<typeparamref name="TResult"/>, the sum of its pages' results), its work source of
/// <typeparamref name="TItem"/>, what it does with each page, and a completion step that runs once after the last
/// page. A new kind of work needs a new source at most; the runner does not change.
/// </summary>
internal abstract class JobDefinition<TParameters, TResult, TItem> : IJobKind
    where TParameters : class
    where TResult : IJobResult<TResult>
{
    public abstract JobKind Kind { get; }

    /// <inheritdoc cref="IJobKind.NeedsChannel"/>
    public virtual bool NeedsChannel => true;

    /// <inheritdoc cref="IJobKind.PartsInFlight"/>
    public virtual int PartsInFlight(StorageThroughputOptions throughput) => throughput.JobPartsInFlight;

    /// <inheritdoc cref="IJobKind.DryRunReadsWholeParts"/>
    public virtual bool DryRunReadsWholeParts => true;

    /// <summary>What the job goes through.</summary>
    protected abstract IWorkSource<TItem> Source(JobEntity job, TParameters parameters);

    /// <summary>A worker's processor of pages; it may keep what it read for one part for that part's next pages.</summary>
    protected abstract IPageProcessor<TItem, TResult> Start(JobEntity job, TParameters parameters, Channel? channel);

    /// <summary>Runs once after the last page (idempotent: it may run again after a crash); returns the final result.</summary>
    protected virtual Task<TResult> CompleteAsync(JobEntity job, TParameters parameters, TResult result, Channel? channel, CancellationToken cancellationToken) =>
        Task.FromResult(result);

    /// <summary>Why a job whose pages all ran failed nonetheless (its input was refused); null when it succeeded.</summary>
    protected virtual string? Failure(TParameters parameters, TResult result) => null;

    /// <summary>The parameters the job status shows.</summary>
    protected virtual JobView View(TParameters parameters, TResult result) => new(result.Counters());

    /// <summary>Parameters of a job stored before they were (or without any).</summary>
    protected abstract TParameters NoParameters { get; }

    /// <summary>The channel of a kind that runs on one (the runner fails a job whose channel is gone before it starts).</summary>
    protected static Channel OnChannel(Channel? channel) => channel ?? throw new InvalidOperationException("This kind of job runs on a channel.");

    public TParameters Parameters(JobEntity job) => JobDocument.Read(job.Parameters, NoParameters);

    public static TResult Result(JobEntity job) => JobDocument.Read(job.Result, TResult.Zero);

    int IJobKind.PartCount(JobEntity job) => Source(job, Parameters(job)).PartCount;

    IJobPass IJobKind.Start(JobEntity job, Channel? channel)
    {
        var parameters = Parameters(job);
        return new Pass(Source(job, parameters), Start(job, parameters, channel));
    }

    async Task<string> IJobKind.CompleteAsync(JobEntity job, Channel? channel, CancellationToken cancellationToken) =>
        JobDocument.Write(await CompleteAsync(job, Parameters(job), Result(job), channel, cancellationToken));

    string IJobKind.AddResults(string result, IEnumerable<object> pageResults) =>
        JobDocument.Write(pageResults.Cast<TResult>().Aggregate(JobDocument.Read(result, TResult.Zero), (sum, page) => sum.Plus(page)));

    JobView IJobKind.View(JobEntity job) => View(Parameters(job), Result(job));

    string? IJobKind.Failure(JobEntity job) => Failure(Parameters(job), Result(job));

    private sealed class Pass(IWorkSource<TItem> source, IPageProcessor<TItem, TResult> processor) : IJobPass
    {
        public async Task<JobPage> ProcessAsync(int part, string? cursor, CancellationToken cancellationToken)
        {
            var page = await source.ReadAsync(part, cursor, cancellationToken);
            var outcome = await processor.ProcessAsync(page.Items, cancellationToken);
            return new JobPage(page.Items.Count, page.Next, outcome.Result, outcome.Reported);
        }
    }
}
