using System.Globalization;
using System.Runtime.CompilerServices;

namespace InventoryMapping.SpApi;

/// <summary>
/// Streams the TAB-separated All Listings Report row by row, locating columns by header name (the column set and
/// order vary by marketplace and over time). Amazon's flat files have no quoting: a field is everything between tabs.
/// </summary>
public static class AllListingsReportParser
{
    private enum Column
    {
        Sku,
        Title,
        Asin,
        Price,
        Quantity,
        FulfillmentChannel,
        Status,
        ListingId,
        ProductId,
        ProductIdType,
        OpenDate,
    }

    private static readonly Dictionary<string, Column> s_columnsByHeader = new(StringComparer.OrdinalIgnoreCase)
    {
        ["seller-sku"] = Column.Sku,
        ["item-name"] = Column.Title,
        ["asin1"] = Column.Asin,
        ["price"] = Column.Price,
        ["quantity"] = Column.Quantity,
        ["fulfillment-channel"] = Column.FulfillmentChannel,
        ["fulfilment-channel"] = Column.FulfillmentChannel,
        ["status"] = Column.Status,
        ["listing-id"] = Column.ListingId,
        ["product-id"] = Column.ProductId,
        ["product-id-type"] = Column.ProductIdType,
        ["open-date"] = Column.OpenDate,

        // The Japanese locale's names (JP documents requested without preferredReportDocumentLocale).
        ["出品者SKU"] = Column.Sku,
        ["商品名"] = Column.Title,
        ["ASIN 1"] = Column.Asin,
        ["ASIN1"] = Column.Asin,
        ["価格"] = Column.Price,
        ["数量"] = Column.Quantity,
        ["フルフィルメント・チャンネル"] = Column.FulfillmentChannel,
        ["フルフィルメントチャンネル"] = Column.FulfillmentChannel,
        ["ステータス"] = Column.Status,
        ["出品ID"] = Column.ListingId,
        ["商品ID"] = Column.ProductId,
        ["商品IDタイプ"] = Column.ProductIdType,
        ["出品日"] = Column.OpenDate,
    };

    private static readonly int s_columnCount = Enum.GetValues<Column>().Length;

    /// <summary>
    /// Reads rows until the end of <paramref name="document"/>. A row shorter than the header is read with the missing
    /// trailing fields empty (Amazon leaves trailing empty fields out); a longer one, one without a SKU, or one whose
    /// price or quantity is not a plain number goes to <paramref name="onMalformedRow"/> with its line number and is skipped.
    /// </summary>
    /// <exception cref="ReportDocumentException">The header has no <c>seller-sku</c> column (permanent).</exception>
    public static async IAsyncEnumerable<AmazonListingRow> ParseAsync(
        TextReader document,
        Action<MalformedReportRow>? onMalformedRow = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var header = await document.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (header is null)
        {
            yield break;
        }

        var slots = MapHeader(header, out var fieldCount);
        var values = new string?[s_columnCount];
        long lineNumber = 1;
        while (await document.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = Split(line, slots, values);
            decimal? price = null;
            int? quantity = null;
            var problem = fields > fieldCount ? $"{fields} fields, more than the header's {fieldCount}"
                : string.IsNullOrEmpty(values[(int)Column.Sku]) ? "no seller-sku"
                : !TryParsePrice(values[(int)Column.Price], out price) ? $"price '{values[(int)Column.Price]}' is not a number with a decimal point"
                : !TryParseQuantity(values[(int)Column.Quantity], out quantity) ? $"quantity '{values[(int)Column.Quantity]}' is not a whole number"
                : null;
            if (problem is not null)
            {
                onMalformedRow?.Invoke(new MalformedReportRow(lineNumber, fields, fieldCount, problem));
                continue;
            }

            yield return new AmazonListingRow(
                values[(int)Column.Sku]!,
                values[(int)Column.Title],
                values[(int)Column.Asin],
                price,
                quantity,
                values[(int)Column.FulfillmentChannel],
                values[(int)Column.Status],
                values[(int)Column.ListingId],
                values[(int)Column.ProductId],
                values[(int)Column.ProductIdType],
                values[(int)Column.OpenDate],
                ReportOpenDate.ToUtc(values[(int)Column.OpenDate]));
        }
    }

    private static int[] MapHeader(string header, out int fieldCount)
    {
        var names = header.TrimStart('\uFEFF').Split('\t');
        fieldCount = names.Length;
        var slots = new int[names.Length];
        var found = false;
        for (var i = 0; i < names.Length; i++)
        {
            slots[i] = s_columnsByHeader.TryGetValue(names[i].Trim(), out var column) ? (int)column : -1;
            found |= slots[i] == (int)Column.Sku;
        }

        return found
            ? slots
            : throw ReportDocumentException.Permanent($"The listings report header has no seller-sku column: '{header[..Math.Min(header.Length, 300)]}'.");
    }

    /// <summary>Fills <paramref name="values"/> with the wanted fields only and returns how many fields the line has.</summary>
    private static int Split(string line, int[] slots, string?[] values)
    {
        Array.Clear(values);
        var span = line.AsSpan();
        var field = 0;
        var start = 0;
        while (true)
        {
            var tab = span[start..].IndexOf('\t');
            var end = tab < 0 ? span.Length : start + tab;
            if (field < slots.Length && slots[field] >= 0)
            {
                values[slots[field]] = end > start ? line[start..end] : null;
            }

            field++;
            if (tab < 0)
            {
                return field;
            }

            start = end + 1;
        }
    }

    /// <summary>
    /// Amazon documents prices with a decimal point in every marketplace (<c>120.49</c>, EU included); a comma is
    /// ambiguous (<c>1,299</c>: thousands or decimals?) and is refused rather than read 100 or 1,000 times off.
    /// </summary>
    private static bool TryParsePrice(string? text, out decimal? price)
    {
        price = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var ok = decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value);
        price = ok ? value : null;
        return ok;
    }

    private static bool TryParseQuantity(string? text, out int? quantity)
    {
        quantity = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var ok = int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value);
        quantity = ok ? value : null;
        return ok;
    }
}
