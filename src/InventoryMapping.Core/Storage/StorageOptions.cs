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

    /// <summary>The jobs queue; the queue trigger reads the same app setting (<see cref="JobsQueueSetting"/>).</summary>
    public string JobsQueueName { get; set; } = "jobs";

    /// <summary>App setting naming the jobs queue, flat so that the trigger's <c>%JobsQueueName%</c> resolves it.</summary>
    public const string JobsQueueSetting = "JobsQueueName";
}
