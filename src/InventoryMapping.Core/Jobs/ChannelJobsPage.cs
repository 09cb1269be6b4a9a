namespace InventoryMapping.Jobs;

/// <summary>A page of a channel's jobs, newest first; only a null <paramref name="ContinuationToken"/> means the end.</summary>
public sealed record ChannelJobsPage(IReadOnlyList<Job> Jobs, string? ContinuationToken);
