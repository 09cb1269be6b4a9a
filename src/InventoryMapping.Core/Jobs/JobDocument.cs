using System.Text.Json;
using System.Text.Json.Serialization;

namespace InventoryMapping.Jobs;

/// <summary>
/// The JSON of a job's stored parameters and result, and of its queue message: written in one shape (camel case,
/// enums by name, a <c>version</c> in every document) and read leniently (any case, unknown fields ignored), so a
/// newer writer does not poison an older reader.
/// </summary>
public static class JobDocument
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>The document, or <paramref name="empty"/> when there is none (a job written before the field existed).</summary>
    public static T Read<T>(string? json, T empty) =>
        string.IsNullOrEmpty(json) ? empty : JsonSerializer.Deserialize<T>(json, Options) ?? empty;
}
