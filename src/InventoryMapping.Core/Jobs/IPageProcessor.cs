namespace InventoryMapping.Jobs;

/// <summary>What a kind does with each page its work source gives one worker (pages of a part come in order).</summary>
internal interface IPageProcessor<TItem, TResult>
    where TResult : IJobResult<TResult>
{
    Task<JobPageOutcome<TResult>> ProcessAsync(IReadOnlyList<TItem> page, CancellationToken cancellationToken);
}
