namespace InventoryMapping.Testing;

/// <summary>
/// The one Azurite of a test process. xunit 2 has no assembly fixture, and a collection fixture would make every
/// class that uses it run one after another; a process-wide instance keeps classes parallel.
/// </summary>
public static class SharedAzurite
{
    private static readonly Lazy<Task<AzuriteServer>> s_server = new(StartAsync);

    public static Task<AzuriteServer> GetAsync() => s_server.Value;

    private static async Task<AzuriteServer> StartAsync()
    {
        var server = await AzuriteServer.StartAsync(TimeSpan.FromSeconds(60));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }
}
