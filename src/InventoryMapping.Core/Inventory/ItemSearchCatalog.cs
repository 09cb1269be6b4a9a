using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace InventoryMapping.Inventory;

/// <summary>
/// An immutable, compact copy of every item's searchable fields, in upper-cased SKU order (then item id): the
/// upper-cased SKUs in one contiguous buffer (a '\n' after each, which no SKU holds) scanned with vectorised
/// <see cref="MemoryExtensions.IndexOf{T}(ReadOnlySpan{T}, ReadOnlySpan{T})"/> for "contains"; prefixes by binary search;
/// titles as UTF-8 with a sorted vocabulary of their normalized words and each word's items, for word prefixes.
/// About 170 bytes an item (1,000,000 items: ~170 MB).
/// </summary>
internal sealed class ItemSearchCatalog
{
    public const char Separator = '\n';

    private readonly ulong[] _ids;
    private readonly char[] _upper;
    private readonly char[] _skus;
    private readonly int[] _skuStart;
    private readonly byte[] _titles;
    private readonly int[] _titleStart;
    private readonly string[] _words;
    private readonly int[] _postingStart;
    private readonly int[] _postings;

    // Slots in item id order, built on the first lookup by id (the export's; search never asks): 4 bytes an item.
    private int[]? _slotsById;

    private ItemSearchCatalog(ulong[] ids, char[] upper, char[] skus, int[] skuStart, byte[] titles, int[] titleStart, string[] words, int[] postingStart, int[] postings)
    {
        (_ids, _upper, _skus, _skuStart, _titles, _titleStart) = (ids, upper, skus, skuStart, titles, titleStart);
        (_words, _postingStart, _postings) = (words, postingStart, postings);
    }

    public static ItemSearchCatalog Empty { get; } = new Builder().Build();

    public int Count => _ids.Length;

    public static ulong IdKey(string itemId) => ulong.Parse(itemId, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    public static string IdText(ulong key) => key.ToString("x16", CultureInfo.InvariantCulture);

    public ulong IdAt(int slot) => _ids[slot];

    public ReadOnlySpan<char> UpperSkuAt(int slot) => _upper.AsSpan(_skuStart[slot], _skuStart[slot + 1] - _skuStart[slot] - 1);

    public string SkuAt(int slot) => new(_skus.AsSpan(_skuStart[slot], _skuStart[slot + 1] - _skuStart[slot] - 1));

    public string TitleAt(int slot) => Encoding.UTF8.GetString(_titles.AsSpan(_titleStart[slot], _titleStart[slot + 1] - _titleStart[slot]));

    /// <summary>Approximate bytes held (arrays only), for the memory figure the bench reports.</summary>
    public long Bytes =>
        (_ids.LongLength * 8) + (_upper.LongLength * 2 * 2) + (_skuStart.LongLength * 4) + _titles.LongLength + (_titleStart.LongLength * 4)
        + _words.Sum(w => 24L + (w.Length * 2) + 8) + (_postingStart.LongLength * 4) + (_postings.LongLength * 4)
        + ((_slotsById?.LongLength ?? 0) * 4);

    /// <summary>The slot of item <paramref name="id"/>, or -1 when the catalog does not hold it.</summary>
    public int SlotOfId(ulong id)
    {
        var byId = _slotsById ?? InitializeSlotsById();
        int low = 0, high = byId.Length - 1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            var order = _ids[byId[mid]].CompareTo(id);
            if (order == 0)
            {
                return byId[mid];
            }

            (low, high) = order < 0 ? (mid + 1, high) : (low, mid - 1);
        }

        return -1;
    }

    private int[] InitializeSlotsById()
    {
        var slots = new int[Count];
        for (var slot = 0; slot < slots.Length; slot++)
        {
            slots[slot] = slot;
        }

        Array.Sort(_ids.ToArray(), slots);

        // Two threads may both build it; either result is the same.
        Interlocked.CompareExchange(ref _slotsById, slots, null);
        return _slotsById;
    }

    /// <summary>Compares slot <paramref name="slot"/>'s key with (<paramref name="upperSku"/>, <paramref name="id"/>).</summary>
    public int CompareAt(int slot, ReadOnlySpan<char> upperSku, ulong id)
    {
        var bySku = UpperSkuAt(slot).SequenceCompareTo(upperSku);
        return bySku != 0 ? bySku : _ids[slot].CompareTo(id);
    }

    /// <summary>The first slot whose key is greater than (<paramref name="upperSku"/>, <paramref name="id"/>).</summary>
    public int After(ReadOnlySpan<char> upperSku, ulong id)
    {
        int low = 0, high = Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (CompareAt(mid, upperSku, id) <= 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>The slots whose upper-cased SKU starts with <paramref name="prefix"/>: [From, To).</summary>
    public (int From, int To) PrefixRange(ReadOnlySpan<char> prefix)
    {
        int low = 0, high = Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (UpperSkuAt(mid).SequenceCompareTo(prefix) < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        var from = low;
        high = Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (UpperSkuAt(mid).StartsWith(prefix))
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return (from, low);
    }

    /// <summary>The first slot at or after <paramref name="from"/> whose upper-cased SKU contains <paramref name="query"/>; Count if none.</summary>
    public int NextContaining(ReadOnlySpan<char> query, int from)
    {
        if (from >= Count)
        {
            return Count;
        }

        var at = _upper.AsSpan(_skuStart[from]).IndexOf(query);
        return at < 0 ? Count : SlotOf(_skuStart[from] + at);
    }

    /// <summary>The words of the vocabulary that start with <paramref name="prefix"/> (<paramref name="whole"/>: equal it): [From, To).</summary>
    public (int From, int To) WordRange(ReadOnlySpan<char> prefix, bool whole)
    {
        int low = 0, high = _words.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_words[mid].AsSpan().SequenceCompareTo(prefix) < 0)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        var from = low;
        if (whole)
        {
            return from < _words.Length && _words[from].AsSpan().SequenceEqual(prefix) ? (from, from + 1) : (from, from);
        }

        high = _words.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_words[mid].AsSpan().StartsWith(prefix))
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return (from, low);
    }

    /// <summary>The slots (ascending) whose title has word <paramref name="word"/>.</summary>
    public ReadOnlySpan<int> Postings(int word) => _postings.AsSpan(_postingStart[word], _postingStart[word + 1] - _postingStart[word]);

    private int SlotOf(int position)
    {
        var slot = Array.BinarySearch(_skuStart, 0, Count, position);
        return slot >= 0 ? slot : ~slot - 1;
    }

    /// <summary>Collects items in key order (upper-cased SKU, then id) and builds the catalog.</summary>
    public sealed class Builder
    {
        private readonly List<ulong> _ids = [];
        private readonly List<char> _upper = [];
        private readonly List<char> _skus = [];
        private readonly List<int> _skuStart = [];
        private readonly List<byte> _titles = [];
        private readonly List<int> _titleStart = [];
        private readonly Dictionary<string, int> _wordIds = new(StringComparer.Ordinal);
        private readonly List<int> _lastSlotOfWord = [];
        private readonly List<int> _pairWords = [];
        private readonly List<int> _pairSlots = [];
        private string _lastUpper = "";

        public int Count => _ids.Count;

        /// <summary>Adds the next item; throws <see cref="InvalidDataException"/> if it is not after the previous one.</summary>
        public void Add(ulong id, string sku, string title)
        {
            var upper = SearchText.Sku(sku);
            if (upper.Length != sku.Length || upper.Contains(Separator, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"SKU '{sku}' cannot be indexed.");
            }

            var slot = _ids.Count;
            if (slot > 0)
            {
                var order = string.CompareOrdinal(_lastUpper, upper);
                if (order > 0 || (order == 0 && _ids[slot - 1] >= id))
                {
                    throw new InvalidDataException("Items are not in key order.");
                }
            }

            _lastUpper = upper;
            _ids.Add(id);
            _skuStart.Add(_upper.Count);
            _upper.AddRange(upper.AsSpan());
            _upper.Add(Separator);
            _skus.AddRange(sku.AsSpan());
            _skus.Add(Separator);
            _titleStart.Add(_titles.Count);
            _titles.AddRange(Encoding.UTF8.GetBytes(title).AsSpan());

            var normalized = SearchText.Title(title);
            var lookup = _wordIds.GetAlternateLookup<ReadOnlySpan<char>>();
            foreach (var (start, length) in SearchText.Words(normalized))
            {
                var word = normalized.AsSpan(start, length);
                if (!lookup.TryGetValue(word, out var wordId))
                {
                    wordId = _wordIds.Count;
                    lookup[word] = wordId;
                    _lastSlotOfWord.Add(-1);
                }

                if (_lastSlotOfWord[wordId] != slot)
                {
                    _lastSlotOfWord[wordId] = slot;
                    _pairWords.Add(wordId);
                    _pairSlots.Add(slot);
                }
            }
        }

        public ItemSearchCatalog Build()
        {
            _skuStart.Add(_upper.Count);
            _titleStart.Add(_titles.Count);

            // Postings grouped by word in vocabulary order, slots ascending within each (pairs come in slot order).
            var words = new string[_wordIds.Count];
            foreach (var (word, id) in _wordIds)
            {
                words[id] = word;
            }

            var order = Enumerable.Range(0, words.Length).ToArray();
            Array.Sort(words.ToArray(), order, StringComparer.Ordinal);
            var rank = new int[words.Length];
            for (var r = 0; r < order.Length; r++)
            {
                rank[order[r]] = r;
            }

            var postingStart = new int[words.Length + 1];
            foreach (var word in CollectionsMarshal.AsSpan(_pairWords))
            {
                postingStart[rank[word] + 1]++;
            }

            for (var r = 0; r < words.Length; r++)
            {
                postingStart[r + 1] += postingStart[r];
            }

            var fill = postingStart[..^1].ToArray();
            var postings = new int[_pairSlots.Count];
            for (var i = 0; i < _pairWords.Count; i++)
            {
                postings[fill[rank[_pairWords[i]]]++] = _pairSlots[i];
            }

            var sortedWords = order.Select(id => words[id]).ToArray();
            return new ItemSearchCatalog(
                [.. _ids], [.. _upper], [.. _skus], [.. _skuStart], [.. _titles], [.. _titleStart], sortedWords, postingStart, postings);
        }
    }
}
