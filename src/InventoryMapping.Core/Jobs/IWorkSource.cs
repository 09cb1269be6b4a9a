namespace InventoryMapping.Jobs;

/// <summary>
/// What a job goes through: a fixed number of parts (at most <see cref="JobRunner.MaxParts"/>) that the runner's
/// workers take in parallel, each read page by page from a cursor. A null cursor starts a part; a page without a
/// next cursor ends it. Reading a page again from the same cursor gives the same page, so a crash redoes at most
/// the pages in flight. The runner knows nothing else about the work: listing partitions are one source, a blob's
/// row ranges another.
/// </summary>
internal interface IWorkSource<TItem>
{
    int PartCount { get; }

    Task<WorkPage<TItem>> ReadAsync(int part, string? cursor, CancellationToken cancellationToken);
}
