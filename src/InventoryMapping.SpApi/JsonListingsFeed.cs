using System.Text.Json;

namespace InventoryMapping.SpApi;

/// <summary>
/// Writes a JSON_LISTINGS_FEED of quantity updates: one PATCH of <c>/attributes/fulfillment_availability</c> per SKU,
/// <c>fulfillment_channel_code</c> DEFAULT (merchant-fulfilled), productType PRODUCT (the generic type, enough for
/// offer attributes). Schema: the listings feed schema 2.0 (header with sellerId and version, 1–25,000 messages).
/// </summary>
public static class JsonListingsFeed
{
    public const string FeedType = "JSON_LISTINGS_FEED";

    /// <summary>The Content-Type the document is created for and uploaded with (they must be identical).</summary>
    public const string ContentType = "application/json; charset=UTF-8";

    public const int MaxMessages = 25_000;

    public const string ProductType = "PRODUCT";

    public static byte[] Write(string sellerId, IReadOnlyCollection<QuantityMessage> messages)
    {
        if (messages.Count is 0 or > MaxMessages)
        {
            throw new ArgumentOutOfRangeException(nameof(messages), messages.Count, $"A feed has 1 to {MaxMessages} messages.");
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("header");
            json.WriteString("sellerId", sellerId);
            json.WriteString("version", "2.0");
            json.WriteString("issueLocale", "en_US");
            json.WriteEndObject();
            json.WriteStartArray("messages");
            foreach (var message in messages)
            {
                json.WriteStartObject();
                json.WriteNumber("messageId", message.MessageId);
                json.WriteString("sku", message.Sku);
                json.WriteString("operationType", "PATCH");
                json.WriteString("productType", ProductType);
                json.WriteStartArray("patches");
                WritePatch(json, message.Quantity);
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The one quantity patch, the same in a feed message and in patchListingsItem.</summary>
    internal static void WritePatch(Utf8JsonWriter json, int quantity)
    {
        json.WriteStartObject();
        json.WriteString("op", "replace");
        json.WriteString("path", "/attributes/fulfillment_availability");
        json.WriteStartArray("value");
        json.WriteStartObject();
        json.WriteString("fulfillment_channel_code", "DEFAULT");
        json.WriteNumber("quantity", quantity);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
