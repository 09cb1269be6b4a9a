namespace InventoryMapping.Jobs;

public enum JobKind
{
    LinkAllBySku,
    CreateAll,

    /// <summary>Unlinks a channel's listings from an item that was deleted.</summary>
    UnlinkDeletedItem,

    /// <summary>Removes a deleted channel's listings, report requests and job index, then the channel.</summary>
    DeleteChannel,

    /// <summary>Resolves SKU reservations a crash left uncommitted (not tied to a channel).</summary>
    SweepReservations,

    /// <summary>Marks every eligible linked listing of a channel for the stock sync (Force Update: even unchanged quantities).</summary>
    ForceUpdate,

    /// <summary>Writes a channel's listings as a mapping CSV file (docs/csv.md).</summary>
    ExportMapping,

    /// <summary>Imports a mapping CSV file into a channel's listings (links, Ignore Sync).</summary>
    ImportMapping,
}
