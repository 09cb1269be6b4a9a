using System.Text.Json;
using System.Text.Json.Serialization;

namespace InventoryMapping.Imports;

/// <summary>
/// How to import a file: a dry run or not, what to do with invalid rows, and which column holds which field
/// (<see cref="Columns"/>: header → field; none: the header aliases). Given with an upload (query or a multipart
/// <c>mapping</c> part) or in a sidecar <c>{name}.mapping.json</c>, as the same JSON document (docs/csv.md).
/// </summary>
public sealed record ImportOptions(bool DryRun = false, ImportOnError OnError = ImportOnError.Reject, IReadOnlyDictionary<string, string>? Columns = null)
{
    /// <summary>Largest mapping document read.</summary>
    public const int MaxDocumentBytes = 64 * 1024;

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static ImportOptions Default { get; } = new();

    /// <summary>The options a mapping document gives, or what is wrong with it (naming <paramref name="field"/>).</summary>
    public static Result<ImportOptions> Parse(ReadOnlySpan<byte> json, string field)
    {
        try
        {
            var document = JsonSerializer.Deserialize<Document>(json, s_json);
            if (document is null)
            {
                return DomainError.Invalid(field, "The mapping is a JSON object: {\"columns\": {\"<header>\": \"<field>\"}, \"dryRun\": false, \"onError\": \"reject\"}.");
            }

            if (document.Columns is { } columns && columns.Any(c => c.Key.Trim().Length == 0 || string.IsNullOrWhiteSpace(c.Value)))
            {
                return DomainError.Invalid(field, "Each entry of the mapping's columns names a header and a field.");
            }

            return new ImportOptions(document.DryRun ?? false, document.OnError ?? ImportOnError.Reject, document.Columns);
        }
        catch (JsonException e)
        {
            return DomainError.Invalid(field, $"The mapping is not a valid mapping document: {e.Message.Split(" Path:")[0]}");
        }
    }

    /// <summary>The options as a mapping document.</summary>
    public string ToJson() => JsonSerializer.Serialize(new Document(Columns, DryRun, OnError), s_json);

    private sealed record Document(IReadOnlyDictionary<string, string>? Columns, bool? DryRun, ImportOnError? OnError);
}
