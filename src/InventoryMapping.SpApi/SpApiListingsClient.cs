using System.Text.Json;

namespace InventoryMapping.SpApi;

/// <summary>Listings Items API 2021-08-01 for one seller in one region: patchListingsItem of the quantity. Get one from <see cref="SpApiClientFactory"/>.</summary>
public sealed class SpApiListingsClient
{
    private readonly SpApiEndpoint _endpoint;
    private readonly SpApiCredentials _credentials;
    private readonly SpApiTransport _transport;
    private readonly SpApiCallPolicy _policy;

    internal SpApiListingsClient(SpApiEndpoint endpoint, SpApiCredentials credentials, SpApiTransport transport, SpApiCallPolicy policy)
    {
        _endpoint = endpoint;
        _credentials = credentials;
        _transport = transport;
        _policy = policy;
    }

    /// <summary>patchListingsItem: the same quantity patch as a feed message, for one SKU.</summary>
    public async Task<ListingsItemSubmission> PatchQuantityAsync(string sellerId, string sku, IReadOnlyCollection<string> marketplaceIds, int quantity, CancellationToken cancellationToken)
    {
        var path = $"listings/2021-08-01/items/{Uri.EscapeDataString(sellerId)}/{Uri.EscapeDataString(sku)}?marketplaceIds={string.Join(',', marketplaceIds.Select(Uri.EscapeDataString))}&issueLocale=en_US";
        var body = PatchBody(quantity);
        using var response = await _transport.SendAsync(
            SpApiOperation.PatchListingsItem,
            _endpoint,
            _credentials,
            _policy,
            () => new HttpRequestMessage(HttpMethod.Patch, new Uri(_endpoint.ApiBaseUri, path))
            {
                Content = new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } },
            },
            cancellationToken).ConfigureAwait(false);
        return await SpApiResponses.ReadJsonAsync<ListingsItemSubmission>(SpApiOperation.PatchListingsItem, response, cancellationToken).ConfigureAwait(false);
    }

    private static byte[] PatchBody(int quantity)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("productType", JsonListingsFeed.ProductType);
            json.WriteStartArray("patches");
            JsonListingsFeed.WritePatch(json, quantity);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
