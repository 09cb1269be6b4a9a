using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace InventoryMapping.LocalHost.Hosting;

/// <summary>
/// The host's reading of app settings: <c>%Name%</c> expressions in trigger properties and <c>connection</c> names,
/// resolved the way the Functions host does it, from the app's configuration.
/// </summary>
internal static partial class AppSettings
{
    public const string DefaultConnection = "AzureWebJobsStorage";

    /// <summary>Replaces every <c>%Name%</c> by the setting's value; a missing setting is a startup error.</summary>
    public static string Resolve(IConfiguration configuration, string expression, string functionName) =>
        SettingExpression().Replace(expression, match =>
        {
            var name = match.Groups["name"].Value;
            return Get(configuration, name)
                ?? throw new InvalidOperationException($"Function '{functionName}': app setting '{name}' (used in '{expression}') is not configured.");
        });

    /// <summary>The connection string behind a binding's <c>connection</c> name (default AzureWebJobsStorage).</summary>
    public static string ConnectionString(IConfiguration configuration, string? connection, string functionName)
    {
        var name = string.IsNullOrWhiteSpace(connection) ? DefaultConnection : connection;
        var value = Get(configuration, name)
            ?? configuration.GetConnectionString(name)
            ?? Get(configuration, "AzureWebJobs" + name)
            ?? Get(configuration, name + ":ConnectionString");
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException(
                $"Function '{functionName}': connection '{name}' is not configured. Set '{name}' to a storage connection string " +
                "(identity-based connections are not supported by the local host).")
            : value;
    }

    private static string? Get(IConfiguration configuration, string name) =>
        configuration[name] ?? configuration[name.Replace("__", ":", StringComparison.Ordinal)];

    [GeneratedRegex("%(?<name>[^%]+)%")]
    private static partial Regex SettingExpression();
}
