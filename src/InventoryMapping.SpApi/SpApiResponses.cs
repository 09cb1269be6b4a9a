using System.Net.Http.Json;
using System.Text.Json;

namespace InventoryMapping.SpApi;

internal static class SpApiResponses
{
    /// <summary>The body as the model's <typeparamref name="T"/>; anything the model does not allow (an unknown enum value, a missing field) is an <see cref="SpApiContractException"/>.</summary>
    public static async Task<T> ReadJsonAsync<T>(SpApiOperation operation, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        T? value;
        try
        {
            value = await response.Content.ReadFromJsonAsync<T>(SpApiJson.Options, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw new SpApiContractException(operation.Name, $"{typeof(T).Name}: {e.Message}");
        }

        return value ?? throw new SpApiContractException(operation.Name, $"an empty {typeof(T).Name}.");
    }
}
