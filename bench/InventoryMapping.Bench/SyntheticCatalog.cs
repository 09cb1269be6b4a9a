using System.Globalization;
using System.Text;

namespace InventoryMapping.Bench;

/// <summary>
/// Realistic seller SKUs and titles, reproducible from a seed: mixed case, dashes, and now and then the characters
/// that table keys cannot hold as they are (<c>/ # ? \ %</c>) and inner spaces; 6-24 characters, unique ignoring case.
/// </summary>
public sealed class SyntheticCatalog(int seed)
{
    private static readonly string[] Brands = ["ACME", "Nrth", "zen", "BluRdg", "KX", "Orbit", "pma", "Tala", "VEX", "Hlx", "mono", "Quill"];
    private static readonly string[] Colours = ["BLK", "Wht", "red", "NAVY", "Gry", "olv", "Sand", "TEAL"];
    private static readonly string[] Sizes = ["XS", "S", "M", "L", "XL", "xxl", "32", "10oz", "2Pk", "500ml"];
    private static readonly string[] Specials = ["/", "#", "?", "\\", "%", " "];
    private static readonly string[] Nouns = ["Stainless Steel Water Bottle", "Organic Cotton T-Shirt", "Wireless Charging Pad", "Yoga Mat", "LED Desk Lamp", "Ceramic Coffee Mug", "Hiking Backpack", "Bluetooth Speaker", "Silicone Baking Mat", "Phone Case"];
    private static readonly string[] Adjectives = ["Premium", "Eco-Friendly", "Lightweight", "Heavy Duty", "Compact", "Deluxe", "Classic", "Ultra-Slim"];
    private static readonly string[] Extras = ["for Home and Office", "with Lifetime Warranty", "- Gift Set", "(Pack of 2)", "by Acme Outdoor Co.", "BPA Free, Dishwasher Safe", "Limited Edition"];

    private readonly Random _random = new(seed);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public Random Random => _random;

    /// <summary>A SKU that no earlier call returned, compared ignoring case (item SKUs are unique that way).</summary>
    public string NextSku()
    {
        while (true)
        {
            var sku = Candidate();
            if (sku.Length is >= 6 and <= 24 && _used.Add(sku.ToUpperInvariant()))
            {
                return sku;
            }
        }
    }

    public IReadOnlyList<string> Skus(int count) => Enumerable.Range(0, count).Select(_ => NextSku()).ToList();

    /// <summary>A product title of about 40-80 characters.</summary>
    public string Title(string sku)
    {
        var title = new StringBuilder()
            .Append(Pick(Brands)).Append(' ').Append(Pick(Adjectives)).Append(' ').Append(Pick(Nouns))
            .Append(", ").Append(Pick(Colours)).Append(' ').Append(Pick(Extras));
        if (title.Length < 40)
        {
            title.Append(" - ").Append(sku);
        }

        return title.Length > 80 ? title.ToString(0, 80).TrimEnd() : title.ToString();
    }

    /// <summary>A fragment of <paramref name="sku"/> of 3-6 characters: its start (a prefix search) or from inside it.</summary>
    public string Fragment(string sku, bool prefix)
    {
        var length = Math.Min(sku.Length, _random.Next(3, 7));
        var start = prefix || sku.Length == length ? 0 : _random.Next(1, sku.Length - length + 1);
        return sku.Substring(start, length);
    }

    private string Candidate()
    {
        var sku = new StringBuilder();
        sku.Append(Pick(Brands)).Append('-');
        sku.Append(_random.Next(100, 99_999_999).ToString(CultureInfo.InvariantCulture));
        if (_random.Next(3) > 0)
        {
            sku.Append('-').Append(Pick(Colours));
        }

        if (_random.Next(2) == 0)
        {
            sku.Append('-').Append(Pick(Sizes));
        }

        if (_random.Next(8) == 0)
        {
            // One of the characters keys cannot hold, somewhere inside.
            sku.Insert(_random.Next(1, sku.Length), Pick(Specials));
        }

        return sku.ToString();
    }

    private string Pick(string[] values) => values[_random.Next(values.Length)];
}
