using Azure.Data.Tables;

namespace InventoryMapping.Jobs.Kinds;

/// <summary>Filters, within one listing partition, of the listings a job goes through.</summary>
internal static class ListingSelections
{
    /// <summary>
    /// Listed unlinked listings (Active or Inactive: an out-of-stock listing needs its link too), and those the job
    /// itself linked, so that a re-run after a crash sees its own work and the partition's continuation stays valid
    /// (a dry run links nothing).
    /// </summary>
    public static string UnlinkedOrLinkedBy(JobEntity job) => job.DryRun
        ? TableClient.CreateQueryFilter($"IsListed eq {true} and IsLinked eq {false}")
        : TableClient.CreateQueryFilter($"IsListed eq {true} and (IsLinked eq {false} or LinkJobId eq {job.JobId})");

    /// <summary>Every linked listing (which of them the stock sync sends is decided on each, by the one eligibility rule).</summary>
    public static string Linked { get; } = TableClient.CreateQueryFilter($"IsLinked eq {true}");

    /// <summary>The listings an export of <paramref name="filter"/> writes: listed ones, each filter as its summary figure counts them.</summary>
    public static string Exported(InventoryMapping.Csv.MappingExportFilter filter) => filter switch
    {
        InventoryMapping.Csv.MappingExportFilter.All => TableClient.CreateQueryFilter($"IsListed eq {true}"),
        InventoryMapping.Csv.MappingExportFilter.Linked => TableClient.CreateQueryFilter($"IsListed eq {true} and IsLinked eq {true}"),
        InventoryMapping.Csv.MappingExportFilter.Unlinked => TableClient.CreateQueryFilter($"IsListed eq {true} and IsLinked eq {false}"),
        InventoryMapping.Csv.MappingExportFilter.Active => TableClient.CreateQueryFilter($"IsListed eq {true} and IsActive eq {true}"),
        InventoryMapping.Csv.MappingExportFilter.Fba => TableClient.CreateQueryFilter($"IsListed eq {true} and IsFba eq {true}"),
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, null),
    };
}
