using InventoryMapping.Mapping;

namespace InventoryMapping.Imports;

/// <summary>
/// What an import makes of one row: its line, the listing it names (echoed SKU, id when valid), the edit it asks
/// for and whether that would change the listing, or what is wrong with it. <see cref="SkuHash"/> and
/// <see cref="ValueHash"/> tell duplicate rows of a listing apart from conflicting ones.
/// </summary>
internal sealed record ImportDecision(long Line, string ListingId, string Sku, ListingEdit? Edit, bool WouldChange, IReadOnlyList<ImportRowError> Errors)
{
    public ulong SkuHash { get; init; }

    public ulong ValueHash { get; init; }

    public bool IsValid => Errors.Count == 0 && Edit is not null;
}
