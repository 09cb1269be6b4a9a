using System.Text.Json;

namespace InventoryMapping.LocalHost.Metadata;

/// <summary>Reads the functions.metadata file that the Functions worker SDK generates into a build output.</summary>
public static class FunctionMetadataReader
{
    public const string FileName = "functions.metadata";

    public static IReadOnlyList<FunctionMetadata> Read(string functionsDirectory)
    {
        var path = Path.Combine(functionsDirectory, FileName);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"No {FileName} in '{functionsDirectory}'. Build the Functions project first, or point LocalHost:FunctionsDirectory at its build output.");
        }

        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return Parse(document.RootElement);
    }

    public static IReadOnlyList<FunctionMetadata> Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidOperationException($"{FileName} must hold a JSON array of functions.");
        }

        var functions = new List<FunctionMetadata>();
        foreach (var entry in root.EnumerateArray())
        {
            var description = new BindingMetadata(entry);
            var bindings = entry.TryGetProperty("bindings", out var array) && array.ValueKind == JsonValueKind.Array
                ? array.EnumerateArray().Select(b => new BindingMetadata(b)).ToList()
                : [];
            var name = description.GetString("name");
            var entryPoint = description.GetString("entryPoint");
            if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(entryPoint))
            {
                throw new InvalidOperationException($"A function in {FileName} lacks 'name' or 'entryPoint': {entry.GetRawText()}");
            }

            functions.Add(new FunctionMetadata(name, description.GetString("scriptFile") ?? string.Empty, entryPoint, bindings));
        }

        return functions;
    }
}
