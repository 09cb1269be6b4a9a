using System.Collections.Immutable;

namespace InventoryMapping.Inventory;

/// <summary>
/// One immutable moment of the index: the catalog, and the changes since it was built (by item; a change shadows the
/// item's catalog slot). Searches read a state without locks; writers replace it.
/// </summary>
internal sealed record ItemSearchState(ItemSearchCatalog Catalog, ImmutableDictionary<ulong, ItemChange> Overlay)
{
    public static ItemSearchState Of(ItemSearchCatalog catalog) => new(catalog, ImmutableDictionary<ulong, ItemChange>.Empty);

    /// <summary>This state with <paramref name="changes"/> applied: per item the latest change wins (ties: the later in the list).</summary>
    public ItemSearchState With(IEnumerable<ItemChange> changes)
    {
        var overlay = Overlay.ToBuilder();
        foreach (var change in changes)
        {
            var key = change.Key;
            if (!overlay.TryGetValue(key, out var current) || current.Ticks <= change.Ticks)
            {
                overlay[key] = change;
            }
        }

        return this with { Overlay = overlay.ToImmutable() };
    }

    /// <summary>
    /// What this state knows of item <paramref name="id"/>: true with its SKU and title, true with null when a change
    /// says it is deleted, false when it holds nothing of it.
    /// </summary>
    public bool TryGet(ulong id, out ItemSummary? item)
    {
        if (Overlay.TryGetValue(id, out var change))
        {
            item = change.Deleted ? null : new ItemSummary(change.ItemId, change.Sku, change.Title);
            return true;
        }

        var slot = Catalog.SlotOfId(id);
        item = slot < 0 ? null : new ItemSummary(ItemSearchCatalog.IdText(id), Catalog.SkuAt(slot), Catalog.TitleAt(slot));
        return slot >= 0;
    }

    /// <summary>Every live item in key order (upper-cased SKU, then id): what a new catalog or a snapshot is made of.</summary>
    public IEnumerable<(ulong Id, string Sku, string Title)> Entries()
    {
        var added = Overlay.Values.Where(c => !c.Deleted).OrderBy(c => c.UpperSku, StringComparer.Ordinal).ThenBy(c => c.Key).ToList();
        var next = 0;
        for (var slot = 0; slot < Catalog.Count; slot++)
        {
            var id = Catalog.IdAt(slot);
            if (Overlay.ContainsKey(id))
            {
                continue;
            }

            while (next < added.Count && Catalog.CompareAt(slot, added[next].UpperSku, added[next].Key) > 0)
            {
                yield return (added[next].Key, added[next].Sku, added[next].Title);
                next++;
            }

            yield return (id, Catalog.SkuAt(slot), Catalog.TitleAt(slot));
        }

        for (; next < added.Count; next++)
        {
            yield return (added[next].Key, added[next].Sku, added[next].Title);
        }
    }

    /// <summary>
    /// Up to <paramref name="take"/> hits after <paramref name="after"/> (null: from the start), best match first, then
    /// in key order; each item once, at its best match.
    /// </summary>
    public List<ItemSearchFound> Find(string upperQuery, string titleQuery, ItemSearchCursor? after, int take) =>
        Find(upperQuery, titleQuery, after, take, SearchMatch.Exact, SearchMatch.Title);

    /// <summary>Every item in upper-cased SKU order (then id), from after <paramref name="after"/>: the prefix tier of the empty query.</summary>
    public List<ItemSearchFound> Browse(ItemSearchCursor? after, int take) => Find("", "", after, take, SearchMatch.Prefix, SearchMatch.Prefix);

    private List<ItemSearchFound> Find(string upperQuery, string titleQuery, ItemSearchCursor? after, int take, SearchMatch first, SearchMatch last)
    {
        var found = new List<ItemSearchFound>(Math.Min(take, 128));
        var overlay = OverlayByMatch(upperQuery, titleQuery);
        for (var match = after?.Match ?? first; match <= last && found.Count < take; match++)
        {
            var cursor = after is not null && after.Match == match ? after : null;
            var fromSlot = cursor is null ? 0 : Catalog.After(cursor.UpperSku, cursor.Id);
            var extra = overlay[(int)match];
            var next = 0;
            while (cursor is not null && next < extra.Count && Compare(extra[next], cursor.UpperSku, cursor.Id) <= 0)
            {
                next++;
            }

            using var slots = BaseSlots(match, upperQuery, titleQuery, fromSlot).GetEnumerator();
            var hasSlot = slots.MoveNext();
            while (found.Count < take && (hasSlot || next < extra.Count))
            {
                if (hasSlot && (next >= extra.Count || Catalog.CompareAt(slots.Current, extra[next].UpperSku, extra[next].Key) < 0))
                {
                    var slot = slots.Current;
                    found.Add(new ItemSearchFound(Catalog.IdAt(slot), Catalog.SkuAt(slot), Catalog.TitleAt(slot), Catalog.UpperSkuAt(slot).ToString(), match));
                    hasSlot = slots.MoveNext();
                }
                else
                {
                    var change = extra[next++];
                    found.Add(new ItemSearchFound(change.Key, change.Sku, change.Title, change.UpperSku, match));
                }
            }
        }

        return found;
    }

    public static SearchMatch? MatchOf(string upperSku, string normalizedTitle, string upperQuery, string titleQuery) =>
        upperSku == upperQuery ? SearchMatch.Exact
        : upperSku.StartsWith(upperQuery, StringComparison.Ordinal) ? SearchMatch.Prefix
        : upperSku.Contains(upperQuery, StringComparison.Ordinal) ? SearchMatch.Contains
        : SearchText.HasWordPrefix(normalizedTitle, titleQuery) ? SearchMatch.Title
        : null;

    private static int Compare(ItemChange change, string upperSku, ulong id)
    {
        var bySku = string.CompareOrdinal(change.UpperSku, upperSku);
        return bySku != 0 ? bySku : change.Key.CompareTo(id);
    }

    private List<ItemChange>[] OverlayByMatch(string upperQuery, string titleQuery)
    {
        var byMatch = new List<ItemChange>[4];
        for (var i = 0; i < byMatch.Length; i++)
        {
            byMatch[i] = [];
        }

        foreach (var change in Overlay.Values)
        {
            if (!change.Deleted && MatchOf(change.UpperSku, change.NormalizedTitle, upperQuery, titleQuery) is { } match)
            {
                byMatch[(int)match].Add(change);
            }
        }

        foreach (var list in byMatch)
        {
            list.Sort((a, b) => Compare(a, b.UpperSku, b.Key));
        }

        return byMatch;
    }

    /// <summary>Catalog slots from <paramref name="fromSlot"/> on whose best match is <paramref name="match"/>, ascending, unless a change shadows them.</summary>
    private IEnumerable<int> BaseSlots(SearchMatch match, string upperQuery, string titleQuery, int fromSlot)
    {
        var slots = match switch
        {
            SearchMatch.Exact or SearchMatch.Prefix => PrefixSlots(upperQuery, fromSlot, exact: match == SearchMatch.Exact),
            SearchMatch.Contains => ContainsSlots(upperQuery, fromSlot),
            _ => TitleSlots(upperQuery, titleQuery, fromSlot),
        };
        return Overlay.IsEmpty ? slots : slots.Where(s => !Overlay.ContainsKey(Catalog.IdAt(s)));
    }

    private IEnumerable<int> PrefixSlots(string upperQuery, int fromSlot, bool exact)
    {
        var (from, to) = Catalog.PrefixRange(upperQuery);
        for (var slot = Math.Max(from, fromSlot); slot < to; slot++)
        {
            if ((Catalog.UpperSkuAt(slot).Length == upperQuery.Length) == exact)
            {
                yield return slot;
            }
        }
    }

    private IEnumerable<int> ContainsSlots(string upperQuery, int fromSlot)
    {
        for (var slot = Catalog.NextContaining(upperQuery, fromSlot); slot < Catalog.Count; slot = Catalog.NextContaining(upperQuery, slot + 1))
        {
            if (!Catalog.UpperSkuAt(slot).StartsWith(upperQuery))
            {
                yield return slot;
            }
        }
    }

    /// <summary>
    /// Items with a title word starting with the query's first word (equal to it, if more follows), merged from those
    /// words' postings; checked against the whole query when it is more than one word; skipped when the SKU matched.
    /// </summary>
    private IEnumerable<int> TitleSlots(string upperQuery, string titleQuery, int fromSlot)
    {
        var words = SearchText.Words(titleQuery).Take(1).ToList();
        if (words.Count == 0)
        {
            yield break;
        }

        var (start, length) = words[0];
        var first = titleQuery.Substring(start, length);
        var whole = start + length < titleQuery.Length;
        var verify = titleQuery.Length != length;
        var (from, to) = Catalog.WordRange(first, whole);

        // k-way merge of the words' postings from fromSlot on; a slot in several lists comes out once.
        var positions = new PriorityQueue<(int Word, int Index), int>();
        for (var word = from; word < to; word++)
        {
            var postings = Catalog.Postings(word);
            var index = postings.BinarySearch(fromSlot);
            index = index >= 0 ? index : ~index;
            if (index < postings.Length)
            {
                positions.Enqueue((word, index), postings[index]);
            }
        }

        var last = -1;
        while (positions.TryDequeue(out var position, out var slot))
        {
            var postings = Catalog.Postings(position.Word);
            if (position.Index + 1 < postings.Length)
            {
                positions.Enqueue((position.Word, position.Index + 1), postings[position.Index + 1]);
            }

            if (slot == last)
            {
                continue;
            }

            last = slot;
            if (Catalog.UpperSkuAt(slot).Contains(upperQuery, StringComparison.Ordinal)
                || (verify && !SearchText.HasWordPrefix(SearchText.Title(Catalog.TitleAt(slot)), titleQuery)))
            {
                continue;
            }

            yield return slot;
        }
    }
}
