using System.Globalization;

namespace InventoryMapping.AmazonSandbox;

/// <summary>Reads a catalogue from a UTF-8 TSV with All Listings headers (seller-sku required; the others optional).</summary>
public static class ListingsSeedFile
{
    public static SandboxCatalogue Read(string path)
    {
        using var reader = new StreamReader(path);
        var header = (reader.ReadLine() ?? "").Split('\t');
        var index = header.Select((name, i) => (name, i)).ToDictionary(x => x.name.Trim(), x => x.i, StringComparer.OrdinalIgnoreCase);
        if (!index.ContainsKey("seller-sku"))
        {
            throw new InvalidDataException($"{path}: the header has no seller-sku column.");
        }

        var listings = new List<SandboxListing>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split('\t');
            string Field(string column) => index.TryGetValue(column, out var i) && i < fields.Length ? fields[i] : "";
            listings.Add(new SandboxListing(
                Field("seller-sku"),
                Field("item-name"),
                Field("asin1"),
                decimal.TryParse(Field("price"), NumberStyles.Number, CultureInfo.InvariantCulture, out var price) ? price : 0m,
                int.TryParse(Field("quantity"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var quantity) ? quantity : null,
                Field("fulfillment-channel") is { Length: > 0 } channel ? channel : "DEFAULT",
                Field("status") is { Length: > 0 } status ? status : "Active",
                Field("listing-id"),
                Field("item-description"),
                Field("open-date"),
                Field("product-id-type"),
                Field("product-id")));
        }

        return SandboxCatalogue.Of(listings);
    }
}
