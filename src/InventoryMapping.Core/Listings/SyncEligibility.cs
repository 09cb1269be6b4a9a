using InventoryMapping.Listings.Storage;

namespace InventoryMapping.Listings;

/// <summary>Whether the stock sync sends a listing's quantity to Amazon, and if not, why not.</summary>
public enum SyncEligibility
{
    Eligible,
    NotLinked,
    Fba,
    IgnoreSync,

    /// <summary>Gone from Amazon's latest report. (Amazon's status Inactive is no reason: an out-of-stock merchant listing is Inactive, and its restock must reach Amazon.)</summary>
    Retired,
}

/// <summary>The one rule of which listings get their quantity sent.</summary>
internal static class SyncEligibilityRule
{
    public static SyncEligibility Of(ListingEntity listing) =>
        !listing.IsLinked || listing.LinkedItemId is null ? SyncEligibility.NotLinked
        : listing.IsFba ? SyncEligibility.Fba
        : listing.IgnoreSync ? SyncEligibility.IgnoreSync
        : !listing.IsListed ? SyncEligibility.Retired
        : SyncEligibility.Eligible;
}
