using InventoryMapping.Channels;
using InventoryMapping.Storage;

namespace InventoryMapping.Jobs;

/// <summary>
/// A kind of job as the runner sees it: where its work comes from, what a page does, and what happens once after
/// the last page. Kinds are written as <see cref="JobDefinition{TParameters, TResult, TItem}"/>, which gives them
/// typed parameters and results; the runner only handles their JSON.
/// </summary>
internal interface IJobKind
{
    JobKind Kind { get; }

    /// <summary>Whether the job needs its channel to exist (the runner fails it otherwise); false for work on a deleted one.</summary>
    bool NeedsChannel { get; }

    /// <summary>Parts worked on at once (each by one worker), from the throughput settings; a kind whose pages write a lot takes fewer.</summary>
    int PartsInFlight(StorageThroughputOptions throughput);

    /// <summary>
    /// Whether a dry run checkpoints only whole parts, so that a pass sees every page of a part (see CreateAll); a
    /// kind whose dry run keeps its findings in storage checkpoints every page instead.
    /// </summary>
    bool DryRunReadsWholeParts { get; }

    /// <summary>How many parts the job's work source has.</summary>
    int PartCount(JobEntity job);

    /// <summary>One worker's pass over the job: pages of its parts, in order within each part. The channel is null for a job not tied to one.</summary>
    IJobPass Start(JobEntity job, Channel? channel);

    /// <summary>
    /// Runs once every part is done, before the job is marked succeeded. It may run again (a crash before the job
    /// row says succeeded), so it must be idempotent. Returns the result to store.
    /// </summary>
    Task<string> CompleteAsync(JobEntity job, Channel? channel, CancellationToken cancellationToken);

    /// <summary>Why the job failed although every page and the completion step ran (its input was refused), or null when it succeeded.</summary>
    string? Failure(JobEntity job);

    /// <summary>The stored result with the results of some pages added.</summary>
    string AddResults(string result, IEnumerable<object> pageResults);

    /// <summary>What the job status shows: the result's counters and the kind's parameters.</summary>
    JobView View(JobEntity job);
}
