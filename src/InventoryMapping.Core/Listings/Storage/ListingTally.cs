using System.Text.Json.Serialization;

namespace InventoryMapping.Listings.Storage;

/// <summary>
/// The counted figures of a set of listings; the one place that says what a listing adds to them. A retired listing
/// adds to <see cref="Retired"/> only, a listed one to <see cref="Listed"/> and to each of its figures.
/// </summary>
internal readonly record struct ListingTally(long Listed, long Active, long Linked, long Fba, long IgnoreSync, long Retired)
{
    public static ListingTally Of(ListingEntity listing) => listing.IsListed
        ? new(1, listing.IsActive ? 1 : 0, listing.IsLinked ? 1 : 0, listing.IsFba ? 1 : 0, listing.IgnoreSync ? 1 : 0, 0)
        : new(0, 0, 0, 0, 0, 1);

    public static ListingTally operator +(ListingTally a, ListingTally b) =>
        new(a.Listed + b.Listed, a.Active + b.Active, a.Linked + b.Linked, a.Fba + b.Fba, a.IgnoreSync + b.IgnoreSync, a.Retired + b.Retired);

    public static ListingTally operator -(ListingTally a, ListingTally b) =>
        new(a.Listed - b.Listed, a.Active - b.Active, a.Linked - b.Linked, a.Fba - b.Fba, a.IgnoreSync - b.IgnoreSync, a.Retired - b.Retired);

    [JsonIgnore]
    public long Total => Listed + Retired;

    public ChannelCounts ToChannelCounts() => new(Listed, Active, Listed - Active, Linked, Listed - Linked, Fba, IgnoreSync, Retired);
}
