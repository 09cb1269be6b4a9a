namespace InventoryMapping.Inventory;

/// <summary>How the in-process search index keeps up with other instances (section <c>Search</c>).</summary>
public sealed class ItemSearchOptions
{
    public const string Section = "Search";

    /// <summary>How often an instance reads the change log: the bound on how stale another instance's view can be.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a change-log write may take to land after its time stamp: each read goes back this far, so a
    /// write that was slow to commit is still seen.
    /// </summary>
    public TimeSpan LateWriteAllowance { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Change-log rows are kept this long after the snapshot that contains them.</summary>
    public TimeSpan ChangeLogRetention { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// How long a chain of snapshots goes on from the previous one before the snapshot timer builds the next from the
    /// Items table instead: this bounds how long a change whose log write was lost to a crash stays out of search.
    /// </summary>
    public TimeSpan RebuildInterval { get; set; } = TimeSpan.FromHours(24);
}
