using Microsoft.Extensions.Hosting;

namespace InventoryMapping.Storage;

/// <summary>Runs <see cref="StorageLayout.EnsureCurrentAsync"/> when the host starts, so an app on data of another layout does not start.</summary>
internal sealed class StorageLayoutCheck(StorageLayout layout) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => layout.EnsureCurrentAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
