namespace InventoryMapping.Storage;

/// <summary>Names of the app's tables, containers and queues, derived from one prefix.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>
    /// Prefix of every table, container and queue name (lower-case letters and digits), so several deployments
    /// or test runs can share one account.
    /// </summary>
    public string NamePrefix { get; set; } = "";
}
