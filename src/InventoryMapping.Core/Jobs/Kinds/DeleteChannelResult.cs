namespace InventoryMapping.Jobs.Kinds;

/// <summary>What a channel deletion removed: listings (pages), then report requests (the completion step).</summary>
internal sealed record DeleteChannelResult(long ListingsRemoved, long ReportRequestsRemoved) : IJobResult<DeleteChannelResult>
{
    public int Version { get; init; } = 1;

    public static DeleteChannelResult Zero { get; } = new(0, 0);

    public DeleteChannelResult Plus(DeleteChannelResult other) =>
        new(ListingsRemoved + other.ListingsRemoved, ReportRequestsRemoved + other.ReportRequestsRemoved);

    public IReadOnlyDictionary<string, long> Counters() => new Dictionary<string, long>
    {
        [DeleteChannel.ListingsRemoved] = ListingsRemoved,
        [DeleteChannel.ReportRequestsRemoved] = ReportRequestsRemoved,
    };
}
