using System.Text.Json;

namespace InventoryMapping.LocalHost.Hosting;

/// <summary>
/// The <c>local.settings.json</c> that Core Tools would read: its <c>Values</c> become app settings (<c>A__B</c> as
/// <c>A:B</c>), its <c>ConnectionStrings</c> connection strings, and <c>Host:LocalHttpPort</c> the port.
/// </summary>
internal static class LocalSettingsFile
{
    public const string FileName = "local.settings.json";

    /// <summary>The nearest local.settings.json in or above any of the folders, in the order given.</summary>
    public static string? Find(params IEnumerable<string?> startDirectories)
    {
        foreach (var start in startDirectories.OfType<string>())
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, FileName);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static Dictionary<string, string?> Read(string path)
    {
        using var document = JsonDocument.Parse(
            File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var root = document.RootElement;
        if (root.TryGetProperty("Values", out var values) && values.ValueKind == JsonValueKind.Object)
        {
            foreach (var value in values.EnumerateObject())
            {
                settings[value.Name.Replace("__", ":", StringComparison.Ordinal)] = Text(value.Value);
            }
        }

        if (root.TryGetProperty("ConnectionStrings", out var connections) && connections.ValueKind == JsonValueKind.Object)
        {
            foreach (var connection in connections.EnumerateObject())
            {
                settings["ConnectionStrings:" + connection.Name] = Text(connection.Value);
            }
        }

        if (root.TryGetProperty("Host", out var host) && host.ValueKind == JsonValueKind.Object)
        {
            if (host.TryGetProperty("LocalHttpPort", out var port))
            {
                settings[LocalFunctionsHostOptions.Section + ":" + nameof(LocalFunctionsHostOptions.Port)] = Text(port);
            }

            // As func reads it: comma-separated origins.
            if (host.TryGetProperty("CORS", out var cors))
            {
                settings[LocalFunctionsHostOptions.Section + ":" + nameof(LocalFunctionsHostOptions.CorsAllowedOrigins)] = Text(cors);
            }
        }

        return settings;
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null => null,
        _ => value.GetRawText(),
    };
}
