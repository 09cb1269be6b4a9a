using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace InventoryMapping.Functions.Http;

/// <summary>
/// JSON Merge Patch (RFC 7396): a member of the patch replaces the resource's member, <c>null</c> removes it (so it
/// takes its default), an object merges member by member (<c>{"stockLevels": {"back": null}}</c> removes one level).
/// The patched form is read back with the API's strict rules, so a wrong type or an unknown field is a 400 naming it.
/// </summary>
public static class MergePatch
{
    public const string MediaType = "application/merge-patch+json";

    /// <summary>The patch body: a JSON object of at most <see cref="RequestBody.MaxBytes"/>.</summary>
    public static async Task<Result<JsonObject>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var bytes = await RequestBody.ReadBoundedAsync(request, cancellationToken);
        if (!bytes.IsSuccess)
        {
            return bytes.Error;
        }

        try
        {
            return JsonNode.Parse(bytes.Value) is JsonObject patch
                ? patch
                : DomainError.Invalid("body", "A merge patch is a JSON object of the fields to change (null removes a field).");
        }
        catch (JsonException e)
        {
            return RequestBody.Describe(e);
        }
    }

    /// <summary><paramref name="patch"/> applied to the JSON form of <paramref name="current"/>, read back as <typeparamref name="T"/>.</summary>
    public static Result<T> Apply<T>(T current, JsonObject patch)
        where T : class
    {
        var merged = Merge(JsonSerializer.SerializeToNode(current, ApiJson.Options), patch);
        try
        {
            return merged.Deserialize<T>(ApiJson.Options) is { } value ? value : DomainError.Invalid("body", "A JSON object is required.");
        }
        catch (JsonException e)
        {
            return RequestBody.Describe(e);
        }
    }

    private static JsonNode? Merge(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject members)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject existing ? (JsonObject)existing.DeepClone() : [];
        foreach (var (name, value) in members)
        {
            var old = result[name];
            result.Remove(name);
            if (value is not null)
            {
                result[name] = Merge(old, value);
            }
        }

        return result;
    }
}
