using Microsoft.Extensions.Options;

namespace InventoryMapping.Storage;

/// <summary>
/// How much storage work the writers keep in flight at once (section <see cref="Section"/>): bound once, checked at
/// start. Azure's limits are per partition (~2,000 entities/s) and per account (~20,000/s); these trade the speed of
/// one bulk call against the connections and the share of the account it takes.
/// </summary>
public sealed class StorageThroughputOptions
{
    public const string Section = "Storage:Throughput";

    /// <summary>Upper bound of every knob: beyond it a call would take connections from everything else.</summary>
    public const int MaxInFlight = 256;

    public const int DefaultListingPartitionsInFlight = 16;

    public const int DefaultItemTransactionsInFlight = 8;

    /// <summary>Listing partitions one bulk upsert (report ingestion, seeding) or the retire sweep writes at once.</summary>
    public int ListingPartitionsInFlight { get; set; } = DefaultListingPartitionsInFlight;

    /// <summary>Listing partitions one bulk link or unlink (Link All, Create All, unlinking a deleted item) writes at once.</summary>
    public int LinkPartitionsInFlight { get; set; } = 8;

    /// <summary>Reads in flight per partition when a partition's listings are read again after a conflict (see <see cref="KeyedReads"/>).</summary>
    public int ReadsInFlightPerPartition { get; set; } = 8;

    /// <summary>Transactions (and single-row writes) in flight of one bulk item creation.</summary>
    public int ItemTransactionsInFlight { get; set; } = DefaultItemTransactionsInFlight;

    /// <summary>
    /// Parts of a job's work source worked on at once. A listing partition's writes go one transaction after another
    /// (they share its count row), so a job's throughput comes from partitions in parallel.
    /// </summary>
    public int JobPartsInFlight { get; set; } = 16;

    /// <summary>
    /// Parts Create All works on at once: its pages write about twenty rows per listing (reservation, lookup, item,
    /// change log, link), and sixteen such pages at once saturated Azurite (job-row reads over 30 s, leases lapsing).
    /// </summary>
    public int ItemCreationPartsInFlight { get; set; } = 4;

    /// <summary>Point reads in flight while a job decides one page (the items its listings or reservations name).</summary>
    public int PageReadsInFlight { get; set; } = 16;

    /// <summary>The names of the knobs out of range (1 to <see cref="MaxInFlight"/>); none when all are good.</summary>
    public IReadOnlyList<string> Invalid() =>
    [
        .. new (string Name, int Value)[]
        {
            (nameof(ListingPartitionsInFlight), ListingPartitionsInFlight),
            (nameof(LinkPartitionsInFlight), LinkPartitionsInFlight),
            (nameof(ReadsInFlightPerPartition), ReadsInFlightPerPartition),
            (nameof(ItemTransactionsInFlight), ItemTransactionsInFlight),
            (nameof(JobPartsInFlight), JobPartsInFlight),
            (nameof(ItemCreationPartsInFlight), ItemCreationPartsInFlight),
            (nameof(PageReadsInFlight), PageReadsInFlight),
        }
        .Where(knob => knob.Value is < 1 or > MaxInFlight)
        .Select(knob => $"{Section}:{knob.Name}"),
    ];

    /// <summary>Fails the options, naming every knob out of range.</summary>
    internal sealed class Validator : IValidateOptions<StorageThroughputOptions>
    {
        public ValidateOptionsResult Validate(string? name, StorageThroughputOptions options) =>
            options.Invalid() is { Count: > 0 } invalid
                ? ValidateOptionsResult.Fail($"{string.Join(", ", invalid)}: each is 1 to {MaxInFlight}.")
                : ValidateOptionsResult.Success;
    }
}
