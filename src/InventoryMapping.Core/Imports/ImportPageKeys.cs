namespace InventoryMapping.Imports;

/// <summary>
/// What the validation pass kept of one page: the keys of its valid rows, and where the next page starts (byte
/// offset and line), or that the page ended the file. With them the apply pass steps over a page it has nothing
/// to apply on without reading it.
/// </summary>
internal sealed record ImportPageKeys(IReadOnlyList<ImportRowKey> Keys, long NextOffset, long NextLine, bool EndsPass);
