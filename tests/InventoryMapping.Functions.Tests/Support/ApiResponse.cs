using System.Text.Json;

namespace InventoryMapping.Functions.Tests.Support;

public sealed record ApiResponse(int Status, string ContentType, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? ProblemField => Json.TryGetProperty("field", out var problemField) ? problemField.GetString() : null;

    public override string ToString() => $"{Status} {ContentType} {Body}";
}
