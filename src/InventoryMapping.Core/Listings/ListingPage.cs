namespace InventoryMapping.Listings;

/// <summary>
/// A page of listings. A page may hold fewer than asked (a text filter reads a bounded number of rows per request);
/// only a null <paramref name="ContinuationToken"/> means there is nothing more.
/// </summary>
public sealed record ListingPage(IReadOnlyList<Listing> Listings, string? ContinuationToken);
