using InventoryMapping.LocalHost;
using InventoryMapping.LocalHost.Hosting;
using InventoryMapping.Storage;
using Microsoft.Extensions.DependencyInjection;

// Runs the Functions app's own function classes locally, with the services and worker middleware its ConfigureWorker
// registers (the method its Program.cs calls in Azure).
var host = LocalFunctionsHost.Create(args, configureServices: null, defaultFunctionsDirectory: FunctionsBuildOutput.Directory);

// In Azure the Bicep template creates the tables, queue and containers; locally they are made before the triggers start.
await ActivatorUtilities.GetServiceOrCreateInstance<AppStorage>(host.Services).EnsureCreatedAsync(
    CancellationToken.None, ActivatorUtilities.GetServiceOrCreateInstance<StorageLayout>(host.Services));
await host.RunAsync();
