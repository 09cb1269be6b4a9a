using InventoryMapping.Storage;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InventoryMapping;

public static class InventoryMappingServiceCollectionExtensions
{
    /// <summary>The configuration section (or connection-string setting) of the app's storage account.</summary>
    public const string StorageConnection = "AppStorage";

    /// <summary>Registers the storage clients and every application service of the mapping backend.</summary>
    public static IServiceCollection AddInventoryMapping(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAzureClients(clients =>
        {
            var storage = configuration.GetSection(StorageConnection);
            clients.AddTableServiceClient(storage);
            clients.AddBlobServiceClient(storage);
            clients.AddQueueServiceClient(storage).ConfigureOptions(o => o.MessageEncoding = Azure.Storage.Queues.QueueMessageEncoding.Base64);
        });
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section));
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
