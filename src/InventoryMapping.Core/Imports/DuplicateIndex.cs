namespace InventoryMapping.Imports;

/// <summary>
/// The listings an import's valid rows name so far, by a 64-bit hash of the SKU, with a hash of what the row sets:
/// a listing named twice with the same values is applied once; with different values it is a conflict, and neither
/// row is applied. Memory grows with the distinct listings the file names (about 40 bytes each), not with the file.
/// A collision of two SKUs' 64-bit hashes, which would report them as duplicates, is expected once in ~10^8 imports
/// of a million listings.
/// </summary>
internal sealed class DuplicateIndex
{
    private readonly Dictionary<ulong, Entry> _entries = [];

    /// <summary>How many validation pages have been added.</summary>
    public int Pages { get; set; }

    public Outcome Add(ImportRowKey key)
    {
        var (sku, value, line, wouldChange) = key;
        if (!_entries.TryGetValue(sku, out var entry))
        {
            _entries[sku] = new Entry(value, line, wouldChange, Conflicted: false);
            return new Outcome(OutcomeKind.First, 0, false);
        }

        if (entry.Value == value && !entry.Conflicted)
        {
            return new Outcome(OutcomeKind.Same, entry.Line, false);
        }

        var first = !entry.Conflicted;
        _entries[sku] = entry with { Conflicted = true };
        return new Outcome(first ? OutcomeKind.FirstConflict : OutcomeKind.Conflict, entry.Line, entry.WouldChange);
    }

    /// <summary>Whether <paramref name="line"/> is the row of its listing to apply: its first, and not in conflict with another.</summary>
    public bool IsApplied(ulong sku, long line) => _entries.TryGetValue(sku, out var entry) && entry.Line == line && !entry.Conflicted;

    internal enum OutcomeKind
    {
        First,
        Same,

        /// <summary>The first row to conflict with the listing's first row: both are rejected.</summary>
        FirstConflict,
        Conflict,
    }

    /// <summary>What adding a row found: for a duplicate, the line of the listing's first row and whether that row would have changed it.</summary>
    internal readonly record struct Outcome(OutcomeKind Kind, long FirstLine, bool FirstWouldChange);

    private readonly record struct Entry(ulong Value, long Line, bool WouldChange, bool Conflicted);
}
