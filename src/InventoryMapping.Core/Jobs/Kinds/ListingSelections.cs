using Azure.Data.Tables;

namespace InventoryMapping.Jobs.Kinds;

/// <summary>Filters, within one listing partition, of the listings a job goes through.</summary>
internal static class ListingSelections
{
    /// <summary>
    /// Listed unlinked listings (Active or Inactive: an out-of-stock listing needs its link too), and those the job itself linked, so that a re-run after a crash sees its own work
    /// and the partition's continuation stays valid (a dry run links nothing).
    /// </summary>
    public static string UnlinkedOrLinkedBy(JobEntity job) => job.DryRun
        ? TableClient.CreateQueryFilter($"IsListed eq {true} and IsLinked eq {false}")
        : TableClient.CreateQueryFilter($"IsListed eq {true} and (IsLinked eq {false} or LinkJobId eq {job.JobId})");

    /// <summary>Listings linked to the item, listed or retired.</summary>
    public static string LinkedTo(string itemId) => TableClient.CreateQueryFilter($"IsLinked eq {true} and LinkedItemId eq {itemId}");
}
