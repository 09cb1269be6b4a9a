using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace InventoryMapping.Functions.Http;

/// <summary>
/// The API's JSON: camelCase, enums as camelCase strings, unknown request fields rejected. <see cref="Configure"/> is
/// the one definition: ASP.NET Core's JSON options (which write every result) and request bodies both use it.
/// </summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // Numbers are JSON numbers: "5" is a string, refused where a number is expected (the web default reads it).
        options.NumberHandling = JsonNumberHandling.Strict;
        options.PropertyNameCaseInsensitive = true;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // Readable: "Crème", not "Cr\u00E8me" (the escaping guards HTML pages, and the API serves JSON only).
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
