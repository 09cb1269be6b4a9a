using System.Text.Json;

namespace InventoryMapping.LocalHost.Invocation;

/// <summary>
/// The top-level properties of a JSON payload as binding data, as the Functions host offers them
/// (a queue message <c>{"orderId": 5}</c> binds <c>int orderId</c>).
/// </summary>
internal sealed class JsonBindingData
{
    private readonly ReadOnlyMemory<byte> _payload;
    private Dictionary<string, JsonElement>? _properties;

    public JsonBindingData(ReadOnlyMemory<byte> payload) => _payload = payload;

    public bool TryGet(string name, out object? value)
    {
        _properties ??= Parse(_payload);
        if (_properties.TryGetValue(name, out var element))
        {
            value = element;
            return true;
        }

        value = null;
        return false;
    }

    private static Dictionary<string, JsonElement> Parse(ReadOnlyMemory<byte> payload)
    {
        var properties = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var document = JsonDocument.Parse(payload);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    properties[property.Name] = property.Value.Clone();
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: no properties to offer.
        }

        return properties;
    }
}
