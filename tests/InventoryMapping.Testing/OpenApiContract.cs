using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace InventoryMapping.Testing;

/// <summary>
/// docs/openapi.json as a checker of real answers: finds the operation a request went to (method and path under
/// <c>/api</c>), and says what in the answer its description does not allow: an undescribed status, a body that
/// fails the status's schema (JSON Schema 2020-12, as OpenAPI 3.1 defines it), a missing required header.
/// </summary>
public sealed partial class OpenApiContract
{
    public const string ServerPath = "/api";

    private static readonly Lazy<OpenApiContract> s_repository = new(() => new OpenApiContract(File.ReadAllText(DocumentPath)));

    private readonly JsonObject _document;
    private readonly IReadOnlyList<PathTemplate> _paths;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new();

    public OpenApiContract(string documentJson)
    {
        _document = JsonNode.Parse(documentJson)!.AsObject();
        _paths = _document["paths"]!.AsObject()
            .Select(path => new PathTemplate(path.Key, path.Value!.AsObject()))
            .OrderByDescending(path => path.LiteralSegments)
            .ToList();
    }

    public static string DocumentPath => Path.Combine(RepositoryRoot.Find(), "docs", "openapi.json");

    /// <summary>The repository's document.</summary>
    public static OpenApiContract Repository => s_repository.Value;

    public JsonObject Document => _document;

    /// <summary>Every described operation as (lower-case method, path template without the server path).</summary>
    public IEnumerable<(string Method, string Path)> Operations =>
        _paths.SelectMany(path => path.Item.Where(entry => HttpMethods.Contains(entry.Key)).Select(entry => (entry.Key, path.Template)));

    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    /// <summary>
    /// What the answer to <paramref name="method"/> <paramref name="requestPath"/> (from <c>/api</c> on, no query) does
    /// wrong against the document; empty when it conforms, null when the document describes no such operation.
    /// </summary>
    public IReadOnlyList<string>? Check(string method, string requestPath, int status, string? contentType, string body, Func<string, bool> hasHeader)
    {
        if (!requestPath.StartsWith(ServerPath + "/", StringComparison.Ordinal))
        {
            return null;
        }

        var path = requestPath[ServerPath.Length..];
        var template = _paths.FirstOrDefault(t => t.Matches(path) && t.Item.ContainsKey(method.ToLowerInvariant()));
        if (template is null)
        {
            return null;
        }

        var operationPointer = $"#/paths/{Escape(template.Template)}/{method.ToLowerInvariant()}";
        var responses = template.Item[method.ToLowerInvariant()]!["responses"]!.AsObject();
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var described = responses[key] ?? responses[key[0] + "XX"] ?? responses["default"];
        var where = $"{method.ToUpperInvariant()} {template.Template} → {status}";
        if (described is null)
        {
            return [$"{where}: the document describes no {status} answer ({string.Join(", ", responses.Select(r => r.Key))})"];
        }

        var problems = new List<string>();
        var (response, responsePointer) = Resolve(described, $"{operationPointer}/responses/{key}");
        foreach (var header in response["headers"]?.AsObject() ?? [])
        {
            var (headerObject, _) = Resolve(header.Value!, "");
            if (headerObject["required"]?.GetValue<bool>() == true && !hasHeader(header.Key))
            {
                problems.Add($"{where}: header {header.Key} is required but missing");
            }
        }

        var content = response["content"]?.AsObject();
        if (content is null || content.Count == 0)
        {
            if (body.Length > 0)
            {
                problems.Add($"{where}: a body where the document describes none");
            }

            return problems;
        }

        var mediaType = contentType?.Split(';')[0].Trim() ?? "";
        if (content[mediaType] is not { } media)
        {
            problems.Add($"{where}: content type '{mediaType}' is not one of {string.Join(", ", content.Select(c => c.Key))}");
            return problems;
        }

        if (media["schema"] is null)
        {
            return problems;
        }

        var schemaPointer = $"{responsePointer}/content/{Escape(mediaType)}/schema";
        JsonElement instance;
        try
        {
            instance = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException e)
        {
            problems.Add($"{where}: the body is not JSON ({e.Message})");
            return problems;
        }

        var results = SchemaAt(schemaPointer, media["schema"]!).Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!results.IsValid)
        {
            problems.AddRange((results.Details ?? [])
                .Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{where}: at '{d.InstanceLocation}' ({d.EvaluationPath}): {e.Key}: {e.Value}"))
                .DefaultIfEmpty($"{where}: the body does not match {schemaPointer}"));
            problems.Add("body: " + (body.Length > 2000 ? body[..2000] + "…" : body));
        }

        return problems;
    }

    /// <summary>A response object, following a <c>$ref</c> to components; with the pointer its content is under.</summary>
    private (JsonObject Response, string Pointer) Resolve(JsonNode node, string pointer) =>
        node["$ref"]?.GetValue<string>() is { } reference ? Resolve(At(reference), reference) : (node.AsObject(), pointer);

    private JsonNode At(string reference)
    {
        JsonNode node = _document;
        foreach (var part in reference.TrimStart('#', '/').Split('/'))
        {
            node = node[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)]
                ?? throw new InvalidOperationException($"{reference} does not exist in the document.");
        }

        return node;
    }

    /// <summary>
    /// The schema as a standalone JSON Schema: the document's component schemas become its <c>$defs</c>, and their
    /// references follow.
    /// </summary>
    private JsonSchema SchemaAt(string pointer, JsonNode schema) => _schemas.GetOrAdd(pointer, _ =>
    {
        var root = Rewrite(schema.DeepClone()).AsObject();
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        root["$defs"] = Rewrite(_document["components"]!["schemas"]!.DeepClone());
        return JsonSchema.FromText(
            root.ToJsonString(),
            new BuildOptions { SchemaRegistry = new SchemaRegistry() },
            new Uri($"https://inventorymapping.invalid/openapi/{Guid.NewGuid():N}"));
    });

    private static JsonNode Rewrite(JsonNode node)
    {
        var text = node.ToJsonString();
        return JsonNode.Parse(ComponentReference().Replace(text, "\"$ref\":\"#/$defs/"))!;
    }

    private static string Escape(string pointerPart) => pointerPart.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    [GeneratedRegex("\"\\$ref\"\\s*:\\s*\"#/components/schemas/", RegexOptions.CultureInvariant)]
    private static partial Regex ComponentReference();

    private sealed class PathTemplate
    {
        public PathTemplate(string template, JsonObject item)
        {
            Template = template;
            Item = item;
            var segments = template.Trim('/').Split('/');
            LiteralSegments = segments.Count(s => !s.StartsWith('{'));
            Pattern = new Regex(
                "^/" + string.Join('/', segments.Select(s => s.StartsWith('{') ? "[^/]+" : Regex.Escape(s))) + "$",
                RegexOptions.CultureInvariant);
        }

        public string Template { get; }

        public JsonObject Item { get; }

        public int LiteralSegments { get; }

        private Regex Pattern { get; }

        public bool Matches(string path) => Pattern.IsMatch(path);
    }
}
