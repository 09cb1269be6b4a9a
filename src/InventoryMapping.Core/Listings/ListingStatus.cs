namespace InventoryMapping.Listings;

/// <summary>A listing's status at Amazon, as its latest report says (<see cref="AmazonListingDetails.Status"/> keeps Amazon's text).</summary>
public enum ListingStatus
{
    /// <summary>For sale: the report says <c>Active</c> (or has no status column).</summary>
    Active,

    /// <summary>Anything else Amazon reports (<c>Inactive</c>: out of stock, closed, or suppressed; <c>Incomplete</c>).</summary>
    Inactive,
}
