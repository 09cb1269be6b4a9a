using InventoryMapping.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InventoryMapping.Functions.Tests.Support;

/// <summary>Base of tests that call the functions: app services on Azurite under a prefix of the test's own.</summary>
public abstract class ApiTest : IAsyncLifetime
{
    private TestServices? _app;

    protected TestServices App => _app ?? throw new InvalidOperationException("Not started.");

    protected FunctionApi Api => new(App);

    public async Task InitializeAsync() => _app = await TestServices.StartAsync(services => services.AddHttpApi());

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
