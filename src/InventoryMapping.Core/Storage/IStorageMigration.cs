namespace InventoryMapping.Storage;

/// <summary>Brings a store of layout <see cref="From"/> to the next (see <see cref="StorageLayout"/>); repeatable, so a crash or a second instance running it too ends the same.</summary>
public interface IStorageMigration
{
    int From { get; }

    Task RunAsync(CancellationToken cancellationToken);
}
