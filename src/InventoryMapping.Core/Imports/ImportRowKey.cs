namespace InventoryMapping.Imports;

/// <summary>
/// What the validation pass keeps of a valid row for what follows: the hashes of its listing's SKU and of what it
/// sets (item and Ignore Sync), its line, and whether it would change the listing.
/// </summary>
internal readonly record struct ImportRowKey(ulong Sku, ulong Value, long Line, bool WouldChange);
