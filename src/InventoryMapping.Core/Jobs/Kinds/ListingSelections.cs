using Azure.Data.Tables;

namespace InventoryMapping.Jobs.Kinds;

/// <summary>Filters, within one listing partition, of the listings a job goes through.</summary>
internal static class ListingSelections
{
    /// <summary>
    /// Active unlinked listings, and those the job itself linked, so that a re-run after a crash sees its own work
    /// and the partition's continuation stays valid (a dry run links nothing).
    /// </summary>
    public static string UnlinkedOrLinkedBy(JobEntity job) => job.DryRun
        ? TableClient.CreateQueryFilter($"IsActive eq {true} and IsLinked eq {false}")
        : TableClient.CreateQueryFilter($"IsActive eq {true} and (IsLinked eq {false} or LinkJobId eq {job.JobId})");

    /// <summary>Every linked listing (which of them the stock sync sends is decided on each, by the one eligibility rule).</summary>
    public static string Linked { get; } = TableClient.CreateQueryFilter($"IsLinked eq {true}");

    /// <summary>Listings linked to the item, active or not.</summary>
    public static string LinkedTo(string itemId) => TableClient.CreateQueryFilter($"IsLinked eq {true} and LinkedItemId eq {itemId}");

    /// <summary>The listings an export of <paramref name="filter"/> writes.</summary>
    public static string Exported(InventoryMapping.Csv.MappingExportFilter filter) => filter switch
    {
        InventoryMapping.Csv.MappingExportFilter.All => TableClient.CreateQueryFilter($"IsActive eq {true} or IsActive eq {false}"),
        InventoryMapping.Csv.MappingExportFilter.Linked => TableClient.CreateQueryFilter($"IsLinked eq {true}"),
        InventoryMapping.Csv.MappingExportFilter.Unlinked => TableClient.CreateQueryFilter($"IsLinked eq {false}"),
        InventoryMapping.Csv.MappingExportFilter.Active => TableClient.CreateQueryFilter($"IsActive eq {true}"),
        InventoryMapping.Csv.MappingExportFilter.Fba => TableClient.CreateQueryFilter($"IsFba eq {true}"),
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, null),
    };
}
