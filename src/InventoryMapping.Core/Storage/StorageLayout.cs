using Azure;
using Azure.Data.Tables;

namespace InventoryMapping.Storage;

/// <summary>
/// What the stored rows mean has a version, <see cref="Current"/>, kept in one row of the Settings table. It is written
/// when the store is created (<see cref="AppStorage.EnsureCreatedAsync"/>) or the app first starts on an empty one; data without it (written before versions existed) or with another
/// version is refused at start with <see cref="StorageLayoutException"/>, never read with the wrong meaning. A change
/// of what stored rows mean raises <see cref="Current"/> and comes with a migration or this refusal (docs/architecture.md).
/// </summary>
public sealed class StorageLayout(AppStorage storage, IEnumerable<IStorageMigration> migrations)
{
    /// <summary>3: pending stock marks in their listings' partitions (2: in the channel's one partition).</summary>
    public const int Current = 3;

    /// <summary>What brings a store of each older layout one version up (docs/architecture.md, "Storage layout versions").</summary>
    private readonly IReadOnlyDictionary<int, IStorageMigration> _migrations = migrations.ToDictionary(m => m.From);

    internal const string Partition = "storage";
    internal const string Row = "layout";

    /// <summary>
    /// Records <see cref="Current"/> on an empty store and brings an older layout with a migration up, one version at a
    /// time (each recorded when done, under the row's ETag, so instances starting together agree); throws
    /// <see cref="StorageLayoutException"/> on data of another layout.
    /// </summary>
    public async Task EnsureCurrentAsync(CancellationToken cancellationToken)
    {
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var row = await storage.Settings.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken);
                if (row.HasValue)
                {
                    var version = row.Value!.GetInt32("Version");
                    if (version == Current)
                    {
                        return;
                    }

                    if (version is not { } from || !_migrations.TryGetValue(from, out var migration))
                    {
                        throw new StorageLayoutException(version);
                    }

                    await migration.RunAsync(cancellationToken);
                    // Another instance may have recorded it first: then the next round reads what it wrote.
                    await storage.Settings.TryReplaceAsync(new TableEntity(Partition, Row) { ["Version"] = from + 1 }, row.Value.ETag, cancellationToken);
                    continue;
                }

                if (await HoldsDataAsync(cancellationToken))
                {
                    throw new StorageLayoutException(null);
                }

                // Another instance starting at the same time may record it first: then read what it wrote.
                var written = await storage.Settings.TryAddAsync(new TableEntity(Partition, Row) { ["Version"] = Current }, cancellationToken);
                if (written == WriteOutcome.Written || attempt > 0)
                {
                    return;
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The tables do not exist (in Azure, infra/ creates them): there is no data to misread, and every storage
            // call fails until they are created. Checked again at the next start.
        }
    }

    private async Task<bool> HoldsDataAsync(CancellationToken cancellationToken)
    {
        foreach (var table in storage.AllTables.Where(t => t.Name != storage.Settings.Name))
        {
            await foreach (var page in table.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).AsPages())
            {
                if (page.Values.Count > 0)
                {
                    return true;
                }

                if (page.ContinuationToken is null)
                {
                    break;
                }
            }
        }

        return false;
    }
}
