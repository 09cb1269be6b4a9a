using System.Text.Json;

namespace InventoryMapping.LocalHost.Metadata;

/// <summary>One entry of a function's <c>bindings</c> array in functions.metadata, kept as the JSON the SDK wrote.</summary>
public sealed class BindingMetadata(JsonElement json)
{
    public JsonElement Json { get; } = json.Clone();

    public string Name => GetString("name") ?? string.Empty;

    public string Type => GetString("type") ?? string.Empty;

    public string Direction => GetString("direction") ?? "In";

    public bool IsTrigger => Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase);

    /// <summary>A string (or scalar, as text) property, looked up case-insensitively; null when absent.</summary>
    public string? GetString(string property) => TryGet(property, out var value) ? value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    } : null;

    public IReadOnlyList<string> GetStrings(string property) =>
        TryGet(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
            : [];

    public bool GetBoolean(string property) => TryGet(property, out var value) && value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.String => bool.TryParse(value.GetString(), out var parsed) && parsed,
        _ => false,
    };

    private bool TryGet(string property, out JsonElement value)
    {
        if (Json.ValueKind == JsonValueKind.Object)
        {
            foreach (var candidate in Json.EnumerateObject())
            {
                if (string.Equals(candidate.Name, property, StringComparison.OrdinalIgnoreCase))
                {
                    value = candidate.Value;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }
}
