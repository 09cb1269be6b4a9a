namespace InventoryMapping.Jobs;

/// <summary>A kind's typed result: pages' results add up to the job's, and it shows as named counters.</summary>
public interface IJobResult<TSelf>
    where TSelf : IJobResult<TSelf>
{
    static abstract TSelf Zero { get; }

    TSelf Plus(TSelf other);

    /// <summary>The counters the job status shows (those that are not zero, as the API always showed them).</summary>
    IReadOnlyDictionary<string, long> Counters();
}
